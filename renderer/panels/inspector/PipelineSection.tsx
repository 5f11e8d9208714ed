import { useState } from 'react';

import type { EditResult, Pipeline } from '../../../core/model';
import { useDocument } from '../../store/DocumentStoreContext';
import {
  addAgent,
  removeAgent,
  removeImport,
  setAgentModel,
  setImport,
  setPipelineName,
} from './inspectorEdits';

/** The pipeline-level form (nothing selected): name, declared agents, imports. */
export function PipelineSection({ pipeline }: { readonly pipeline: Pipeline }) {
  const applyEdit = useDocument((s) => s.applyEdit);
  const [error, setError] = useState<string | undefined>(undefined);
  const [agentName, setAgentName] = useState('');
  const [agentModel, setAgentModelDraft] = useState('openai:gpt-4o-mini');
  const [importAlias, setImportAlias] = useState('');
  const [importPath, setImportPath] = useState('');
  const run = (edit: (p: Pipeline) => EditResult, label: string): boolean => {
    const result = applyEdit(edit, label);
    setError(result.ok ? undefined : result.reason);
    return result.ok;
  };
  const agents = Object.entries(pipeline.agents ?? {});
  const imports = Object.entries(pipeline.imports ?? {});

  return (
    <form
      className="pipeline-form"
      aria-label="Pipeline"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <h2 className="panel-title">Pipeline</h2>
      <div className="field">
        <label htmlFor="pipeline-name">Pipeline name</label>
        <input
          id="pipeline-name"
          key={pipeline.name ?? ''}
          defaultValue={pipeline.name ?? ''}
          onBlur={(event) => {
            if (event.target.value !== (pipeline.name ?? '')) {
              run(setPipelineName(event.target.value), 'Rename pipeline');
            }
          }}
        />
      </div>
      <fieldset className="field-group">
        <legend>Agents</legend>
        {agents.length === 0 ? <p className="muted">No declared agents.</p> : null}
        {agents.map(([name, agent]) => (
          <div key={name} className="field inline">
            <label htmlFor={`agent-model-${name}`}>{`agents.${name} model`}</label>
            <input
              id={`agent-model-${name}`}
              key={agent.model ?? ''}
              defaultValue={agent.model ?? ''}
              onBlur={(event) => {
                if (event.target.value !== (agent.model ?? '')) {
                  run(setAgentModel(name, event.target.value), 'Change agent model');
                }
              }}
            />
            <button
              type="button"
              aria-label={`Remove agent ${name}`}
              onClick={() => run(removeAgent(name), 'Remove agent')}
            >
              ×
            </button>
          </div>
        ))}
        <div className="field inline">
          <label htmlFor="new-agent-name">Agent name</label>
          <input
            id="new-agent-name"
            value={agentName}
            onChange={(event) => {
              setAgentName(event.target.value);
            }}
          />
          <label htmlFor="new-agent-model">Model</label>
          <input
            id="new-agent-model"
            value={agentModel}
            onChange={(event) => {
              setAgentModelDraft(event.target.value);
            }}
          />
          <button
            type="button"
            onClick={() => {
              if (run(addAgent(agentName, agentModel), 'Add agent')) setAgentName('');
            }}
          >
            Add agent
          </button>
        </div>
      </fieldset>
      <fieldset className="field-group">
        <legend>Imports</legend>
        {imports.length === 0 ? <p className="muted">No imports.</p> : null}
        {imports.map(([alias, path]) => (
          <div key={alias} className="field inline">
            <label htmlFor={`import-${alias}`}>{`imports.${alias}`}</label>
            <input
              id={`import-${alias}`}
              key={path}
              defaultValue={path}
              onBlur={(event) => {
                if (event.target.value !== path)
                  run(setImport(alias, event.target.value), 'Change import');
              }}
            />
            <button
              type="button"
              aria-label={`Remove import ${alias}`}
              onClick={() => run(removeImport(alias), 'Remove import')}
            >
              ×
            </button>
          </div>
        ))}
        <div className="field inline">
          <label htmlFor="new-import-alias">Alias</label>
          <input
            id="new-import-alias"
            value={importAlias}
            onChange={(event) => {
              setImportAlias(event.target.value);
            }}
          />
          <label htmlFor="new-import-path">File</label>
          <input
            id="new-import-path"
            value={importPath}
            onChange={(event) => {
              setImportPath(event.target.value);
            }}
          />
          <button
            type="button"
            onClick={() => {
              if (run(setImport(importAlias, importPath), 'Add import')) {
                setImportAlias('');
                setImportPath('');
              }
            }}
          >
            Add import
          </button>
        </div>
      </fieldset>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
