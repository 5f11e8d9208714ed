/**
 * Port types: the JSON-Schema subset the studio uses to type what flows between steps
 * (DECISIONS 4). `any` means "not known"; a mismatch needs two concrete, incompatible types.
 */

/** A value an `enum` port type can list. */
export type LiteralValue = string | number | boolean | null;

/** `object` with known properties; absent `additionalProperties` means other keys are allowed. */
export interface ObjectPortType {
  readonly kind: 'object';
  readonly properties: Readonly<Record<string, PortType>>;
  readonly required: readonly string[];
  /** `false`: no other keys; a type: other keys have that type; absent: anything goes. */
  readonly additionalProperties?: boolean | PortType;
}

/** `array` of `items`. */
export interface ArrayPortType {
  readonly kind: 'array';
  readonly items: PortType;
}

/** One of the listed literal values. */
export interface EnumPortType {
  readonly kind: 'enum';
  readonly values: readonly LiteralValue[];
}

/** Any of the member types (build with `unionType`, which flattens and de-duplicates). */
export interface AnyOfPortType {
  readonly kind: 'anyOf';
  readonly members: readonly PortType[];
}

/** Kinds of the scalar port types, named like JSON Schema's `type` (plus `any`). */
export type ScalarKind = 'any' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

/** A scalar port type: one object type per kind, so a `switch` on `kind` narrows. */
export type ScalarPortType = { readonly [K in ScalarKind]: { readonly kind: K } }[ScalarKind];

/** The type of a step's input or output port. */
export type PortType =
  ScalarPortType | ObjectPortType | ArrayPortType | EnumPortType | AnyOfPortType;

/** Unknown / untyped: compatible with everything. */
export const ANY_TYPE: PortType = { kind: 'any' };
/** A string. */
export const STRING_TYPE: PortType = { kind: 'string' };
/** Any number. */
export const NUMBER_TYPE: PortType = { kind: 'number' };
/** A whole number (assignable to `number`). */
export const INTEGER_TYPE: PortType = { kind: 'integer' };
/** `true` or `false`. */
export const BOOLEAN_TYPE: PortType = { kind: 'boolean' };
/** `null` (Python `None`). */
export const NULL_TYPE: PortType = { kind: 'null' };
/** An object about whose keys nothing is known. */
export const OPEN_OBJECT_TYPE: ObjectPortType = { kind: 'object', properties: {}, required: [] };

/** An object type; by default every listed property is required. */
export function objectType(
  properties: Readonly<Record<string, PortType>>,
  required: readonly string[] = Object.keys(properties),
): ObjectPortType {
  return { kind: 'object', properties, required };
}

/** An array of `items`. */
export function arrayType(items: PortType = ANY_TYPE): ArrayPortType {
  return { kind: 'array', items };
}

/** One of `values`. */
export function enumType(values: readonly LiteralValue[]): EnumPortType {
  return { kind: 'enum', values };
}

/** Whether `type` is `any` (nothing known about it). */
export function isAnyType(type: PortType): boolean {
  return type.kind === 'any';
}

/** The own properties of an object type, in declaration order. */
export function propertyEntries(type: ObjectPortType): readonly (readonly [string, PortType])[] {
  return Object.entries(type.properties);
}

/** The type of property `name` of an object type, if declared. */
export function propertyType(type: ObjectPortType, name: string): PortType | undefined {
  return Object.hasOwn(type.properties, name) ? type.properties[name] : undefined;
}
