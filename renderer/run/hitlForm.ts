/** One control of a HITL form, generated from a JSON Schema property. */
export type HitlField =
  | {
      readonly control: 'textarea' | 'text';
      readonly name: string;
      readonly label: string;
      readonly required: boolean;
      readonly description?: string;
    }
  | {
      readonly control: 'number';
      readonly name: string;
      readonly label: string;
      readonly required: boolean;
      readonly integer: boolean;
      readonly description?: string;
    }
  | {
      readonly control: 'checkbox';
      readonly name: string;
      readonly label: string;
      readonly required: boolean;
      readonly description?: string;
    }
  | {
      readonly control: 'select';
      readonly name: string;
      readonly label: string;
      readonly required: boolean;
      readonly options: readonly unknown[];
      readonly description?: string;
    }
  | {
      readonly control: 'json';
      readonly name: string;
      readonly label: string;
      readonly required: boolean;
      readonly description?: string;
    };

/**
 * The form for an `input_schema`: `single` answers with one value (no schema, or a scalar schema),
 * `object` with an object built from one field per property.
 */
export type HitlForm =
  | { readonly shape: 'single'; readonly field: HitlField }
  | { readonly shape: 'object'; readonly fields: readonly HitlField[] };

/** The raw values of a form's controls, by field name (text as typed, booleans for checkboxes). */
export type HitlValues = Readonly<Record<string, string | boolean>>;

const ANSWER = 'answer';

/** Builds the form for a step's `input_schema` (string or absent → one text area). */
export function hitlFormOf(schema: unknown): HitlForm {
  const root = asRecord(schema);
  if (root?.type === 'object' || asRecord(root?.properties) !== undefined) {
    const properties = asRecord(root?.properties) ?? {};
    const required = Array.isArray(root?.required) ? root.required : [];
    return {
      shape: 'object',
      fields: Object.entries(properties).map(([name, property]) =>
        fieldOf(name, asRecord(property) ?? {}, required.includes(name), false),
      ),
    };
  }
  return { shape: 'single', field: fieldOf(ANSWER, root ?? { type: 'string' }, false, true) };
}

function fieldOf(
  name: string,
  schema: Readonly<Record<string, unknown>>,
  required: boolean,
  single: boolean,
): HitlField {
  const label = typeof schema.title === 'string' ? schema.title : single ? 'Your answer' : name;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const base = { name, label, required, ...(description === undefined ? {} : { description }) };
  if (Array.isArray(schema.enum)) return { ...base, control: 'select', options: schema.enum };
  switch (schema.type) {
    case 'string':
      return { ...base, control: single ? 'textarea' : 'text' };
    case 'number':
    case 'integer':
      return { ...base, control: 'number', integer: schema.type === 'integer' };
    case 'boolean':
      return { ...base, control: 'checkbox' };
    default:
      return { ...base, control: schema.type === undefined && single ? 'textarea' : 'json' };
  }
}

/** The starting values: empty text, unchecked boxes, nothing chosen. */
export function initialHitlValues(form: HitlForm): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fieldsOf(form))
    values[field.name] = field.control === 'checkbox' ? false : '';
  return values;
}

/** The form's fields in order. */
export function fieldsOf(form: HitlForm): readonly HitlField[] {
  return form.shape === 'single' ? [form.field] : form.fields;
}

/**
 * Checks the values and builds the answer: `{ ok: true, answer }`, or the message per field name.
 * Empty optional fields are left out of an object answer.
 */
export function hitlAnswerOf(
  form: HitlForm,
  values: HitlValues,
): { ok: true; answer: unknown } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answer: Record<string, unknown> = {};
  for (const field of fieldsOf(form)) {
    const raw = values[field.name];
    const parsed = parseField(field, raw);
    if ('error' in parsed) errors[field.name] = parsed.error;
    else if (parsed.value !== undefined) answer[field.name] = parsed.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (form.shape === 'single') {
    return { ok: true, answer: answer[ANSWER] ?? (form.field.control === 'checkbox' ? false : '') };
  }
  return { ok: true, answer };
}

function parseField(
  field: HitlField,
  raw: string | boolean | undefined,
): { value: unknown } | { error: string } {
  if (field.control === 'checkbox') return { value: raw === true };
  const text = typeof raw === 'string' ? raw : '';
  if (text.trim() === '') {
    return field.required ? { error: `${field.label} is required.` } : { value: undefined };
  }
  switch (field.control) {
    case 'text':
    case 'textarea':
      return { value: text };
    case 'select': {
      const option = field.options.find((item) => String(item) === text);
      return option === undefined
        ? { error: `Choose one of the options for ${field.label}.` }
        : { value: option };
    }
    case 'number': {
      const value = Number(text);
      if (!Number.isFinite(value)) return { error: `${field.label} must be a number.` };
      if (field.integer && !Number.isInteger(value))
        return { error: `${field.label} must be a whole number.` };
      return { value };
    }
    case 'json':
      try {
        return { value: JSON.parse(text) as unknown };
      } catch {
        // The message says what to do; the parser's position is noise for a short field.
        return { error: `${field.label} must be JSON.` };
      }
    default:
      return field satisfies never;
  }
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
