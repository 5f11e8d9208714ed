/** Why a context key is produced on some paths only: the words V-CTX2 messages use. */

function quoteList(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] ?? ''}`;
}

/** Produced in some branches of a conditional only. */
export function branchReason(producer: string, owner: string, labels: readonly string[]): string {
  const where = labels.length > 0 ? ` only in ${quoteList(labels)}` : ' only in some branches';
  return `"${producer}" produces it${where} of conditional "${owner}"`;
}

/** A parallel merge setting that does not bring it back. */
export function parallelDropReason(producer: string, owner: string, setting: string): string {
  return `"${producer}" produces it inside parallel "${owner}", whose ${setting} does not merge it back`;
}

/** A parallel branch that may fail without failing the step. */
export function ignoredFailureReason(producer: string, owner: string, branch: string): string {
  return `"${producer}" produces it in branch "${branch}" of parallel "${owner}", which may fail (on_branch_failure: ignore)`;
}

/** Produced by a later step of the same loop or map body (a previous iteration only). */
export function laterInBodyReason(producer: string): string {
  return `"${producer}" produces it later in the same body, so only a previous iteration has it`;
}

/** Written by a loop's `state` ops, which run between iterations only. */
export function stateOpsReason(owner: string): string {
  return `the \`state\` ops of loop "${owner}" write it only between iterations`;
}

/** Produced in a map body, which runs zero times for an empty iterable. */
export function mapBodyReason(producer: string, owner: string): string {
  return `"${producer}" produces it in the body of map "${owner}", which runs zero times when there are no items`;
}

/** Produced in a router branch, which runs only when selected. */
export function routerReason(producer: string, owner: string, branch: string): string {
  return `"${producer}" produces it in branch "${branch}" of router "${owner}", which runs only when selected`;
}

/** Produced in a StateMachine state, which may or may not have run. */
export function stateMachineReason(producer: string, owner: string): string {
  return `"${producer}" produces it in a state of "${owner}", and states run in an order decided at run time`;
}

/** Produced by a fallback, which runs only when its step fails. */
export function fallbackReason(producer: string, owner: string): string {
  return `"${producer}" produces it as the fallback of "${owner}", which runs only when "${owner}" fails`;
}

/** Produced by a background step, whose context never merges back. */
export function backgroundReason(producer: string): string {
  return `"${producer}" produces it in the background, and a background step's context never merges back`;
}

/** Produced in some of the shapes a union output can take. */
export function someOutputsReason(producer: string): string {
  return `"${producer}" outputs it only in some of its output shapes`;
}
