/**
 * Import `config.outputs` entries whose parent is exactly `scratchpad` (V-C2), with the key path of
 * each parent in the file, and the quick fix that points them at `import_artifacts.value` instead
 * (Flujo's own `--fix` for V-C2), in whichever of the four YAML forms they are written.
 */
import type { StepPath, StepNode, YamlValue } from '../../model';
import { editFailure, isYamlList, isYamlMapping, resolveStep, updateStep } from '../../model';
import type { QuickFix } from '../validationTypes';

const SCRATCHPAD = 'scratchpad';
const REPLACEMENT = 'import_artifacts.value';

/** Where a scratchpad parent sits inside `config.outputs`, as a key path below the step. */
export function scratchpadParentFields(outputs: YamlValue | undefined): readonly string[] {
  if (isYamlList(outputs)) {
    return outputs.flatMap((entry, index) => {
      const at = `config.outputs.${String(index)}`;
      if (isYamlList(entry))
        return entry.length === 2 && entry[1] === SCRATCHPAD ? [`${at}.1`] : [];
      if (!isYamlMapping(entry)) return [];
      if (entry.parent !== undefined) return entry.parent === SCRATCHPAD ? [`${at}.parent`] : [];
      return entry.to === SCRATCHPAD ? [`${at}.to`] : [];
    });
  }
  if (!isYamlMapping(outputs)) return [];
  return Object.entries(outputs).flatMap(([child, parent]) =>
    parent === SCRATCHPAD ? [`config.outputs.${child}`] : [],
  );
}

function replaceEntry(entry: YamlValue): YamlValue {
  if (isYamlList(entry)) {
    return entry.length === 2 && entry[1] === SCRATCHPAD ? [entry[0] ?? null, REPLACEMENT] : entry;
  }
  if (!isYamlMapping(entry)) return entry;
  if (entry.parent !== undefined) {
    return entry.parent === SCRATCHPAD ? { ...entry, parent: REPLACEMENT } : entry;
  }
  return entry.to === SCRATCHPAD ? { ...entry, to: REPLACEMENT } : entry;
}

function withoutScratchpad(outputs: YamlValue): YamlValue {
  if (isYamlList(outputs)) return outputs.map(replaceEntry);
  if (!isYamlMapping(outputs)) return outputs;
  return Object.fromEntries(
    Object.entries(outputs).map(([child, parent]) => [
      child,
      parent === SCRATCHPAD ? REPLACEMENT : parent,
    ]),
  );
}

function fixStep(step: StepNode): StepNode | undefined {
  const outputs = step.config?.outputs;
  if (!step.config || outputs === undefined || scratchpadParentFields(outputs).length === 0) {
    return undefined;
  }
  return { ...step, config: { ...step.config, outputs: withoutScratchpad(outputs) } };
}

/** The V-C2 quick fix for the import step at `path`. */
export function scratchpadParentFix(path: StepPath, name: string): QuickFix {
  return {
    title: `Map to \`${REPLACEMENT}\` instead of \`${SCRATCHPAD}\``,
    apply(pipeline) {
      const step = resolveStep(pipeline, path);
      const fixed = step?.name === name ? fixStep(step) : undefined;
      if (!fixed)
        return editFailure(`Step "${name}" no longer maps an output to \`${SCRATCHPAD}\`.`);
      return updateStep(pipeline, path, () => fixed);
    },
  };
}
