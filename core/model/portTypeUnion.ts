import type { LiteralValue, PortType } from './portType';
import { ANY_TYPE, enumType } from './portType';

function literalKey(value: LiteralValue): string {
  return JSON.stringify(value);
}

/**
 * The union of `members`: nested unions are flattened, enums merged, exact duplicates dropped;
 * `any` absorbs everything; one member is returned as itself; no member at all gives `any`.
 */
export function unionType(members: readonly PortType[]): PortType {
  const flat = members.flatMap((member) => (member.kind === 'anyOf' ? member.members : [member]));
  if (flat.length === 0 || flat.some((member) => member.kind === 'any')) return ANY_TYPE;
  const values = new Map<string, LiteralValue>();
  const others = new Map<string, PortType>();
  let enumAt = -1;
  for (const member of flat) {
    if (member.kind === 'enum') {
      if (enumAt < 0) enumAt = others.size;
      for (const value of member.values) values.set(literalKey(value), value);
    } else {
      others.set(JSON.stringify(member), member);
    }
  }
  const result = [...others.values()];
  if (enumAt >= 0) result.splice(enumAt, 0, enumType([...values.values()]));
  const [only] = result;
  return result.length === 1 && only ? only : { kind: 'anyOf', members: result };
}
