import { useMemo } from 'react';

import { resolveStep } from '../../../core/model';
import { BUILTIN_SKILLS } from '../../../core/agents/builtins/registry';
import { useDocument } from '../../store/DocumentStoreContext';
import { PipelineSection } from './PipelineSection';
import { StepForm } from './StepForm';

const BUILTIN_IDS = [...BUILTIN_SKILLS.keys()].sort();

/** The right panel: the selected step's form, or the pipeline's when nothing is selected. */
export function Inspector() {
  const pipeline = useDocument((s) => s.parsed.pipeline);
  const current = useDocument((s) => s.parsed.current);
  const selectedPath = useDocument((s) => s.selectedPath);
  const agentOptions = useMemo(
    () => [
      ...Object.keys(pipeline?.agents ?? {}).map((name) => `agents.${name}`),
      ...Object.keys(pipeline?.imports ?? {}).map((alias) => `imports.${alias}`),
      ...BUILTIN_IDS,
    ],
    [pipeline],
  );
  const step = pipeline && selectedPath ? resolveStep(pipeline, selectedPath) : undefined;

  return (
    <section className="inspector" aria-label="Inspector">
      {!current && pipeline ? (
        <p className="banner warning" role="status">
          The YAML has errors: the form shows the last valid version and cannot edit it.
        </p>
      ) : null}
      {!pipeline ? (
        <p className="empty">No pipeline.</p>
      ) : step && selectedPath ? (
        <StepForm key={selectedPath} step={step} path={selectedPath} agentOptions={agentOptions} />
      ) : (
        <PipelineSection pipeline={pipeline} />
      )}
    </section>
  );
}
