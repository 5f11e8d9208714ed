/** Any value a YAML file can hold once loaded (JSON-like, plus YAML-only scalars kept as they load). */
export type YamlValue =
  string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Keys of a YAML mapping that the model does not know, kept verbatim and in file order (DECISIONS 10). */
export type ExtraKeys = Readonly<Record<string, YamlValue>>;
