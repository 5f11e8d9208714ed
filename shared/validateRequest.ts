import type { ChannelName } from './channels';
import { channels } from './channels';
import type { HostError } from './envelope';

/**
 * Checks an incoming payload against its channel's request schema: the parsed request, or a
 * `ValidationError` naming the first wrong field (an unknown channel is an error too).
 */
export function validateRequest(
  channel: string,
  payload: unknown,
):
  | { readonly ok: true; readonly channel: ChannelName; readonly request: unknown }
  | { readonly ok: false; readonly error: HostError } {
  if (!Object.hasOwn(channels, channel)) {
    return {
      ok: false,
      error: { code: 'UnknownChannel', message: `The host has no channel '${channel}'.` },
    };
  }
  const name = channel as ChannelName;
  const parsed = channels[name].request.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, channel: name, request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the request';
  return {
    ok: false,
    error: {
      code: 'ValidationError',
      message: `Invalid ${channel} request: ${where}: ${issue?.message ?? 'invalid value'}.`,
      suggestion: 'This is a bug in the caller; the payload does not match the shared contract.',
    },
  };
}
