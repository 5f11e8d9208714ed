import { isTruthy, toPythonJson } from '../../expr';
import type { BuiltinSkill } from './builtinSkill';
import { asList, dictGet, dictHas, isPlainDict } from './plainDict';
import { pythonStringify } from './pythonRepr';

/** `flujo.builtins.capture_validation_report`: `{validation_report, yaml_is_valid}` from a report. */
export const captureValidationReportSkill: BuiltinSkill = {
  id: 'flujo.builtins.capture_validation_report',
  parameters: ['report'],
  run: ({ args }) => {
    const report = isPlainDict(args.report) ? args.report : {};
    return { validation_report: report, yaml_is_valid: isTruthy(report.is_valid) };
  },
};

/** `flujo.builtins.validation_report_to_flag`: `{yaml_is_valid}` from `is_valid` or `yaml_is_valid`. */
export const validationReportToFlagSkill: BuiltinSkill = {
  id: 'flujo.builtins.validation_report_to_flag',
  parameters: ['report'],
  run: ({ args }) => ({
    yaml_is_valid:
      isTruthy(dictGet(args.report, 'is_valid')) || isTruthy(dictGet(args.report, 'yaml_is_valid')),
  }),
};

/** The truthy `message` of every dict in `report.errors`, as text. */
export function validationErrorMessages(report: unknown): readonly string[] {
  const messages: string[] = [];
  for (const finding of asList(dictGet(report, 'errors')) ?? []) {
    const message = dictGet(finding, 'message');
    if (isTruthy(message)) messages.push(pythonStringify(message));
  }
  return messages;
}

/** Python's `json.dumps` default `ensure_ascii`: non-ASCII characters as `\uXXXX` escapes. */
function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (char) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

/**
 * `flujo.builtins.extract_validation_errors`: `{validation_errors: JSON list of messages,
 * yaml_is_valid}`. The report read is `context.validation_report` when the context has that key,
 * else the context itself when it has `errors`, else the input; the flag comes from the context.
 */
export const extractValidationErrorsSkill: BuiltinSkill = {
  id: 'flujo.builtins.extract_validation_errors',
  parameters: ['report'],
  run: ({ args, context }) => {
    const ctx = context.read();
    const source = dictHas(ctx, 'validation_report')
      ? ctx.validation_report
      : dictHas(ctx, 'errors')
        ? ctx
        : args.report;
    return {
      validation_errors: asciiJson(toPythonJson(validationErrorMessages(source))),
      yaml_is_valid: isTruthy(ctx.yaml_is_valid),
    };
  },
};
