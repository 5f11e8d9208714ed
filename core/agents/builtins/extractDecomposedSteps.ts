import { isNone } from '../../expr';
import { SkillError, type BuiltinSkill } from './builtinSkill';
import { dictGet, dictItems } from './plainDict';

const DEFAULT_OUTPUT_KEY = 'prepared_steps_for_mapping';

/** `flujo.builtins.extract_decomposed_steps`: `{<output_key>: [the dict items of input.steps]}`. */
export const extractDecomposedStepsSkill: BuiltinSkill = {
  id: 'flujo.builtins.extract_decomposed_steps',
  parameters: ['decomposition', 'output_key'],
  run: ({ args }) => {
    const key = isNone(args.output_key) ? DEFAULT_OUTPUT_KEY : args.output_key;
    if (typeof key !== 'string') {
      throw new SkillError(`extract_decomposed_steps' 'output_key' must be a key name (a string).`);
    }
    return { [key]: dictItems(dictGet(args.decomposition, 'steps')) };
  },
};
