import { diffContexts, stepContexts } from './contextDiff';
import { formatCost, formatDuration, formatValue } from './runFormat';
import type { RunView, StepView } from './runView';

/** The selected step of a run: input, output, context diff, attempts, errors, streamed chunks. */
export function StepDetail(props: { readonly run: RunView; readonly step: StepView }) {
  const { run, step } = props;
  const contexts = stepContexts(run.events, step.path, step.startIndex);
  const changes =
    contexts.before !== undefined && contexts.after !== undefined
      ? diffContexts(contexts.before, contexts.after)
      : undefined;
  return (
    <section className="run-step-detail" aria-label={`Step ${step.stepName}`}>
      <h3>
        {step.stepName} <small>({step.kind})</small> — {step.status}
      </h3>
      <p className="run-metrics">
        {formatDuration(step.latencyMs)} · {step.tokens} tokens · {formatCost(step.costUsd)} ·{' '}
        {step.attempts} attempt{step.attempts === 1 ? '' : 's'}
        {step.iterations > 0 ? ` · ${String(step.iterations)} iterations` : ''}
        {step.branches.length > 0 ? ` · branches ${step.branches.join(', ')}` : ''}
        {step.cacheHit ? ' · cache hit' : ''}
        {step.runs > 1 ? ` · ran ${String(step.runs)} times (showing the latest)` : ''}
      </p>
      {step.error === undefined ? null : (
        <div role="alert" className="run-error">
          <p>
            {step.error.code === undefined ? '' : `${step.error.code}: `}
            {step.error.message}
          </p>
          {step.error.suggestion === undefined ? null : <p>Suggestion: {step.error.suggestion}</p>}
        </div>
      )}
      <h4>Input</h4>
      <pre aria-label="Step input">{formatValue(step.input)}</pre>
      {step.chunks.length > 0 ? (
        <>
          <h4>Streamed output</h4>
          <pre aria-label="Streamed output" aria-live="polite">
            {step.chunks.join('')}
          </pre>
        </>
      ) : null}
      <h4>Output</h4>
      <pre aria-label="Step output">{formatValue(step.output)}</pre>
      <h4>Context changes</h4>
      {changes === undefined ? (
        <p>Not recorded for this run (debug runs record the context at each pause).</p>
      ) : changes.length === 0 ? (
        <p>No context changes.</p>
      ) : (
        <ul aria-label="Context changes">
          {changes.map((change) => (
            <li key={change.key}>
              <code>{change.key}</code> {change.change}:{' '}
              {change.change === 'added' ? '' : `${formatValue(change.before, 200)} → `}
              {change.change === 'removed' ? '(removed)' : formatValue(change.after, 200)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
