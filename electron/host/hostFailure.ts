/**
 * An expected refusal of the host (a path outside the workspace, an answered HITL request): a
 * stable `code`, a message that says what happened and an optional suggestion. `dispatch` turns it
 * into an error envelope as is.
 */
export class HostFailure extends Error {
  readonly code: string;
  readonly suggestion: string | undefined;

  constructor(code: string, message: string, suggestion?: string) {
    super(message);
    this.name = 'HostFailure';
    this.code = code;
    this.suggestion = suggestion;
  }
}
