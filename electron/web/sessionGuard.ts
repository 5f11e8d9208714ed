import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A new random session token (24 bytes, base64url). */
export function newSessionToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The name of the cookie that carries the token for the page's own asset and socket requests. */
export function sessionCookieName(port: number): string {
  // Cookies are per host, not per port: the port in the name keeps two servers apart.
  return `flujo_studio_${String(port)}`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** How a request proved it belongs to this session, or why it did not. */
export type SessionCheck =
  | { readonly ok: true; readonly via: 'query' | 'bearer' | 'cookie' }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks one request of browser mode: the Host header must name this server as 127.0.0.1 or
 * localhost with its port (a DNS-rebound name is refused), a present Origin must be this server's
 * (another web page cannot drive it), and the session token must come as `?token=`, an
 * `Authorization: Bearer` header or the session cookie set when the page was loaded.
 */
export function checkSession(
  request: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): SessionCheck {
  const allowedHosts = [`127.0.0.1:${String(port)}`, `localhost:${String(port)}`];
  if (!allowedHosts.includes(request.headers.host ?? '')) {
    return { ok: false, reason: 'unexpected Host header' };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return { ok: false, reason: 'unexpected Origin' };
  }
  if (sameToken(url.searchParams.get('token') ?? undefined, token))
    return { ok: true, via: 'query' };
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (sameToken(bearer, token)) return { ok: true, via: 'bearer' };
  if (sameToken(cookieValue(request.headers.cookie, sessionCookieName(port)), token)) {
    return { ok: true, via: 'cookie' };
  }
  return { ok: false, reason: 'missing or wrong session token' };
}
