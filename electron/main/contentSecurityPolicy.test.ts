import { describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  installContentSecurityPolicy,
  withContentSecurityPolicy,
} from './contentSecurityPolicy';

vi.mock('electron', () => ({}));

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows only our own files, inline styles and blob workers', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(Object.fromEntries(policy)).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'worker-src': "'self' blob:",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(policy.get('script-src')).not.toContain('unsafe-inline');
  });

  it('replaces a policy the response brought, whatever the header case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('is set on every response of the session', () => {
    let hook: ((details: unknown, callback: (response: unknown) => void) => void) | undefined;
    const session = {
      webRequest: {
        onHeadersReceived: (listener: typeof hook) => {
          hook = listener;
        },
      },
    } as unknown as Session;
    installContentSecurityPolicy(session);
    const callback = vi.fn();
    hook?.({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
});
