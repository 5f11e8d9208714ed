import { compareRuns } from './compareRuns';
import { formatDuration } from './runFormat';
import type { RunView } from './runView';

/** Two runs side by side, node by node: status, whether the output changed, tokens and latency. */
export function RunCompare(props: { readonly a: RunView; readonly b: RunView }) {
  const rows = compareRuns(props.a, props.b);
  return (
    <table className="run-compare" aria-label="Run comparison">
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Status A / B</th>
          <th scope="col">Output</th>
          <th scope="col">Tokens A / B (Δ)</th>
          <th scope="col">Latency A / B (Δ)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.path}>
            <th scope="row">{row.stepName}</th>
            <td>
              {row.statusA ?? '—'} / {row.statusB ?? '—'}
            </td>
            <td>{row.sameOutput ? 'same' : 'differs'}</td>
            <td>
              {row.tokensA ?? '—'} / {row.tokensB ?? '—'} ({delta(row.tokensA, row.tokensB, String)}
              )
            </td>
            <td>
              {formatDuration(row.latencyA)} / {formatDuration(row.latencyB)} (
              {delta(row.latencyA, row.latencyB, formatDuration)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function delta(
  a: number | undefined,
  b: number | undefined,
  format: (value: number) => string,
): string {
  if (a === undefined || b === undefined) return '—';
  const difference = b - a;
  return `${difference > 0 ? '+' : difference < 0 ? '−' : '±'}${format(Math.abs(difference))}`;
}
