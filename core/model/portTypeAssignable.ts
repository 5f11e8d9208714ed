import type { LiteralValue, ObjectPortType, PortType } from './portType';
import { assertNever } from './assertNever';
import { propertyEntries, propertyType } from './portType';

function literalFits(value: LiteralValue, to: PortType): boolean {
  switch (to.kind) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'enum':
      return to.values.some((allowed) => allowed === value);
    case 'anyOf':
      return to.members.some((member) => literalFits(value, member));
    case 'object':
    case 'array':
      return false;
    default:
      return assertNever(to);
  }
}

function extraPropertyFits(
  type: PortType,
  additional: ObjectPortType['additionalProperties'],
): boolean {
  if (additional === false) return false;
  if (additional === undefined || additional === true) return true;
  return isAssignable(type, additional);
}

function objectAssignable(from: ObjectPortType, to: ObjectPortType): boolean {
  const fromIsOpen = propertyEntries(from).length === 0 && from.additionalProperties !== false;
  if (fromIsOpen) return true;
  const providesRequired = to.required.every((name) => {
    const provided = propertyType(from, name);
    const wanted = propertyType(to, name);
    if (!provided) return false;
    return !wanted || isAssignable(provided, wanted);
  });
  if (!providesRequired) return false;
  return propertyEntries(from).every(([name, provided]) => {
    const wanted = propertyType(to, name);
    if (wanted) return isAssignable(provided, wanted);
    return extraPropertyFits(provided, to.additionalProperties);
  });
}

/**
 * Whether a value of type `from` can flow into a port of type `to`. Structural, and lenient where
 * nothing is known: `any` on either side fits; integer fits number; an object fits when it declares
 * every property `to` requires (declared optional counts: schemas often omit `required`) with
 * fitting types and no property `to` forbids, and an object declaring no properties fits any
 * object; arrays are covariant; an enum fits when every value does; a union fits when every
 * member does; a union target takes anything one member takes.
 */
export function isAssignable(from: PortType, to: PortType): boolean {
  if (from.kind === 'any' || to.kind === 'any') return true;
  if (from.kind === 'anyOf') return from.members.every((member) => isAssignable(member, to));
  if (from.kind === 'enum') return from.values.every((value) => literalFits(value, to));
  if (to.kind === 'anyOf') return to.members.some((member) => isAssignable(from, member));
  switch (from.kind) {
    case 'string':
    case 'boolean':
    case 'null':
    case 'number':
      return to.kind === from.kind;
    case 'integer':
      return to.kind === 'integer' || to.kind === 'number';
    case 'array':
      return to.kind === 'array' && isAssignable(from.items, to.items);
    case 'object':
      return to.kind === 'object' && objectAssignable(from, to);
    default:
      return assertNever(from);
  }
}
