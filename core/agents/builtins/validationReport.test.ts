import { describe, expect, it } from 'vitest';
import { fakeSkillContext, runBuiltin } from './__fixtures__/fakeSkillContext';

describe('capture_validation_report', () => {
  it('keeps the report and its is_valid flag', async () => {
    const report = { is_valid: true, errors: [] };
    expect(await runBuiltin('capture_validation_report', report)).toEqual({
      validation_report: report,
      yaml_is_valid: true,
    });
    expect(await runBuiltin('capture_validation_report', 'nope')).toEqual({
      validation_report: {},
      yaml_is_valid: false,
    });
  });
});

describe('validation_report_to_flag', () => {
  it('reads is_valid or yaml_is_valid', async () => {
    expect(await runBuiltin('validation_report_to_flag', { is_valid: 1 })).toEqual({
      yaml_is_valid: true,
    });
    expect(await runBuiltin('validation_report_to_flag', { yaml_is_valid: true })).toEqual({
      yaml_is_valid: true,
    });
    expect(await runBuiltin('validation_report_to_flag', 'x')).toEqual({ yaml_is_valid: false });
  });
});

describe('extract_validation_errors', () => {
  const report = {
    errors: [{ message: 'bad step' }, { message: '' }, 'x', { message: 'ünïcode' }],
  };

  it('lists error messages as a JSON string, flag from the context', async () => {
    const out = await runBuiltin('extract_validation_errors', report, {
      context: fakeSkillContext({ yaml_is_valid: false }),
    });
    expect(out).toEqual({
      validation_errors: '["bad step", "\\u00fcn\\u00efcode"]',
      yaml_is_valid: false,
    });
  });

  it('prefers context.validation_report over the input', async () => {
    const context = fakeSkillContext({
      validation_report: { errors: [{ message: 'from context' }] },
      yaml_is_valid: true,
    });
    expect(await runBuiltin('extract_validation_errors', report, { context })).toEqual({
      validation_errors: '["from context"]',
      yaml_is_valid: true,
    });
  });
});
