import type { ValidationDiagnostic, ValidationProfile } from '../../../core/validate';
import { useDocument } from '../../store/DocumentStoreContext';
import { useSelectStep } from '../../store/useSelectStep';

function location(diagnostic: ValidationDiagnostic): string {
  return diagnostic.range
    ? `${String(diagnostic.range.start.line)}:${String(diagnostic.range.start.column)}`
    : '';
}

/** Live findings: code, severity, step, message; click selects; quick fixes as buttons. */
export function ProblemsPanel() {
  const diagnostics = useDocument((s) => s.diagnostics);
  const profile = useDocument((s) => s.profile);
  const setProfile = useDocument((s) => s.setProfile);
  const applyEdit = useDocument((s) => s.applyEdit);
  const validationMs = useDocument((s) => s.validationMs);
  const selectStep = useSelectStep();
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;

  return (
    <section className="problems" aria-label="Problems">
      <div className="panel-bar">
        <span className="problems-summary">
          {errors} errors, {warnings} warnings
          <span className="muted"> · validated in {validationMs.toFixed(1)} ms</span>
        </span>
        <label htmlFor="problems-profile">Profile</label>
        <select
          id="problems-profile"
          value={profile}
          onChange={(event) => {
            setProfile(event.target.value as ValidationProfile);
          }}
        >
          <option value="studio">studio</option>
          <option value="flujo">flujo</option>
        </select>
      </div>
      {diagnostics.length === 0 ? (
        <p className="empty">No problems.</p>
      ) : (
        <table className="problems-table">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Code</th>
              <th scope="col">Step</th>
              <th scope="col">Message</th>
              <th scope="col">Line</th>
              <th scope="col">Fixes</th>
            </tr>
          </thead>
          <tbody>
            {diagnostics.map((diagnostic, index) => (
              <tr
                key={`${diagnostic.code}-${diagnostic.path ?? ''}-${String(index)}`}
                className={`problem severity-${diagnostic.severity}`}
                tabIndex={0}
                onClick={() => {
                  selectStep(diagnostic.path, 'problems', diagnostic.range);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Enter')
                    selectStep(diagnostic.path, 'problems', diagnostic.range);
                }}
              >
                <td>{diagnostic.severity}</td>
                <td>
                  <code>{diagnostic.code}</code>
                </td>
                <td>{diagnostic.stepName ?? ''}</td>
                <td>
                  {diagnostic.message}
                  {diagnostic.suggestion ? (
                    <span className="muted"> {diagnostic.suggestion}</span>
                  ) : null}
                </td>
                <td>{location(diagnostic)}</td>
                <td>
                  {diagnostic.fixes?.map((fix) => (
                    <button
                      key={fix.title}
                      type="button"
                      onClick={(event) => {
                        event.stopPropagation();
                        applyEdit(fix.apply, fix.title);
                      }}
                    >
                      {fix.title}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
