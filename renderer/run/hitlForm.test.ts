import { describe, expect, it } from 'vitest';
import { hitlAnswerOf, hitlFormOf, initialHitlValues } from './hitlForm';

describe('hitlFormOf', () => {
  it('asks for free text when the schema is a string or absent', () => {
    for (const schema of [undefined, { type: 'string' }]) {
      const form = hitlFormOf(schema);
      expect(form).toMatchObject({ shape: 'single', field: { control: 'textarea' } });
      expect(hitlAnswerOf(form, { answer: 'yes' })).toEqual({ ok: true, answer: 'yes' });
    }
  });

  it('builds one typed field per property, with required marks and enums as selects', () => {
    const form = hitlFormOf({
      type: 'object',
      properties: {
        title: { type: 'string' },
        score: { type: 'integer' },
        ratio: { type: 'number' },
        urgent: { type: 'boolean' },
        level: { enum: ['low', 'high'] },
        extra: { type: 'array' },
      },
      required: ['score', 'level'],
    });
    expect(
      form.shape === 'object' ? form.fields.map((f) => [f.name, f.control, f.required]) : [],
    ).toEqual([
      ['title', 'text', false],
      ['score', 'number', true],
      ['ratio', 'number', false],
      ['urgent', 'checkbox', false],
      ['level', 'select', true],
      ['extra', 'json', false],
    ]);
    expect(hitlAnswerOf(form, initialHitlValues(form))).toEqual({
      ok: false,
      errors: { score: 'score is required.', level: 'level is required.' },
    });
    expect(
      hitlAnswerOf(form, { score: '2.5', level: 'high', ratio: 'x', urgent: false, extra: '[' }),
    ).toEqual({
      ok: false,
      errors: {
        score: 'score must be a whole number.',
        ratio: 'ratio must be a number.',
        extra: 'extra must be JSON.',
      },
    });
    expect(
      hitlAnswerOf(form, { score: '3', level: 'high', ratio: '0.5', urgent: true, extra: '[1]' }),
    ).toEqual({
      ok: true,
      answer: { score: 3, level: 'high', ratio: 0.5, urgent: true, extra: [1] },
    });
  });
});
