import type { PortType } from './portType';
import { assertNever } from './assertNever';

const MAX_PROPERTIES = 5;

function describeMember(type: PortType): string {
  const text = describePortType(type);
  return type.kind === 'anyOf' ? `(${text})` : text;
}

/**
 * Short human text for a port type, for messages: `string`, `array<string>`, `"a" | "b"`,
 * `object{yaml_text: string, note?: string}` (long objects end with `… +N`), `object` when open.
 */
export function describePortType(type: PortType): string {
  switch (type.kind) {
    case 'any':
    case 'string':
    case 'number':
    case 'integer':
    case 'boolean':
    case 'null':
      return type.kind;
    case 'array':
      return `array<${describePortType(type.items)}>`;
    case 'enum':
      return type.values.map((value) => JSON.stringify(value)).join(' | ');
    case 'anyOf':
      return type.members.map(describeMember).join(' | ');
    case 'object': {
      const entries = Object.entries(type.properties);
      if (entries.length === 0) return 'object';
      const shown = entries.slice(0, MAX_PROPERTIES).map(([name, sub]) => {
        const optional = type.required.includes(name) ? '' : '?';
        return `${name}${optional}: ${describePortType(sub)}`;
      });
      if (entries.length > MAX_PROPERTIES)
        shown.push(`… +${String(entries.length - MAX_PROPERTIES)}`);
      return `object{${shown.join(', ')}}`;
    }
    default:
      return assertNever(type);
  }
}
