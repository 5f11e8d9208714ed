import type { Pipeline } from '../model';
import { executePipeline } from './executePipeline';
import type { RunEvent } from './runEvent';
import type { RunOptions } from './runOptions';
import type { RunResult } from './runTypes';

/** An item of `runEvents`: every event in order, then the final result. */
export type RunStreamItem =
  | { readonly kind: 'event'; readonly event: RunEvent }
  | { readonly kind: 'result'; readonly result: RunResult };

/** Runs a pipeline as an async iterator of its events, ending with the RunResult. */
export async function* runEvents(
  pipeline: Pipeline,
  options: RunOptions = {},
): AsyncGenerator<RunStreamItem, void, undefined> {
  const queue: RunStreamItem[] = [];
  let wake: (() => void) | undefined;
  const state = { done: false };
  const push = (item: RunStreamItem): void => {
    queue.push(item);
    wake?.();
  };
  void executePipeline(pipeline, {
    ...options,
    onEvent: (event) => {
      options.onEvent?.(event);
      push({ kind: 'event', event });
    },
  }).then((result) => {
    push({ kind: 'result', result });
    state.done = true;
  });
  for (;;) {
    const item = queue.shift();
    if (item !== undefined) {
      yield item;
      if (item.kind === 'result') return;
      continue;
    }
    if (state.done) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
}
