import { useMemo } from 'react';

import type { StepNode, StepPath } from '../../../core/model';
import type { FieldGroup, StepFieldDescriptor } from '../../../core/model/stepFieldDescriptors';
import { stepFieldDescriptors } from '../../../core/model/stepFieldDescriptors';
import { useDocument } from '../../store/DocumentStoreContext';
import { useTheme } from '../../theme/ThemeContext';
import { FieldControl } from './FieldControl';
import { editStepAt, templateCompletions } from './inspectorEdits';
import { KeyListControl } from './KeyListControl';

const GROUP_ORDER: readonly FieldGroup[] = [
  'General',
  'Container',
  'Human input',
  'Config',
  'Limits',
  'Schemas',
];

/** Props of the form of one step. */
export interface StepFormProps {
  readonly step: StepNode;
  readonly path: StepPath;
  readonly agentOptions: readonly string[];
}

function fieldId(path: StepPath, field: StepFieldDescriptor): string {
  return `field-${path}-${field.id}`.replace(/[^\w-]/g, '_');
}

/** The inspector form of a step, generated from the kind's field descriptors. */
export function StepForm({ step, path, agentOptions }: StepFormProps) {
  const applyEdit = useDocument((s) => s.applyEdit);
  const pipeline = useDocument((s) => s.parsed.pipeline);
  const text = useDocument((s) => s.text);
  const dark = useTheme().theme === 'dark';
  const completions = useMemo(() => templateCompletions(pipeline, text), [pipeline, text]);
  const fields = stepFieldDescriptors(step.kind);

  const apply = (update: Parameters<typeof editStepAt>[1], label: string) => {
    const result = applyEdit(editStepAt(path, update), label);
    return result.ok ? undefined : result.reason;
  };

  return (
    <form
      className="step-form"
      aria-label={`${step.name} (${step.kind})`}
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <h2 className="panel-title">
        {step.name} <span className="kind-badge">{step.kind}</span>
      </h2>
      {GROUP_ORDER.map((group) => {
        const inGroup = fields.filter((field) => field.group === group);
        if (inGroup.length === 0) return null;
        return (
          <fieldset key={group} className="field-group">
            <legend>{group}</legend>
            {inGroup.map((field) => {
              const id = fieldId(path, field);
              if (field.type === 'keys') {
                return (
                  <KeyListControl
                    key={field.id}
                    field={field}
                    id={id}
                    keys={field.read(step)}
                    onAdd={(key) =>
                      apply((s) => field.add(s, key), `Add ${field.label.toLowerCase()}`)
                    }
                    onRename={(from, to) =>
                      apply((s) => field.rename(s, from, to), `Rename ${field.label.toLowerCase()}`)
                    }
                    onRemove={(key) =>
                      apply((s) => field.remove(s, key), `Remove ${field.label.toLowerCase()}`)
                    }
                  />
                );
              }
              return (
                <FieldControl
                  key={`${path}-${field.id}`}
                  field={field}
                  id={id}
                  value={field.read(step)}
                  dark={dark}
                  agentOptions={agentOptions}
                  templateCompletions={completions}
                  onCommit={(value) =>
                    apply(
                      (s) => field.write(s, value),
                      field.id === 'name' ? 'Rename step' : `Edit ${field.label.toLowerCase()}`,
                    )
                  }
                />
              );
            })}
          </fieldset>
        );
      })}
    </form>
  );
}
