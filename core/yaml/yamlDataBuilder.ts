import type { ExtraKeys, NodeSource, YamlValue } from '../model';
import type { SynthesizedFields } from './pipelineDocument';
import type { MapData, MapEntryData, YamlData } from './yamlData';
import { fromYamlValue } from './yamlData';

/** What the model-to-data conversion needs from the document: which values were invented. */
export interface DataContext {
  readonly synthesized: SynthesizedFields;
  /** Step objects of the parsed model; their data is built only if the printer needs it. */
  readonly parsedSteps?: WeakSet<object>;
}

/** The start offset a model node was read from (its identity for the printer). */
export function originOf(source: NodeSource | undefined): number | undefined {
  return source?.range.start.offset;
}

/** Builds a mapping in order: typed fields first, then `extra` keys the typed ones did not write. */
export class MapDataBuilder {
  private readonly entries: MapEntryData[] = [];
  private readonly keys = new Set<string>();

  constructor(
    private readonly ctx: DataContext,
    private readonly owner?: object,
  ) {}

  /** Adds a key unless the value is undefined or was invented by the loader. */
  data(
    key: string,
    value: YamlData | undefined,
    options: { boolKey?: boolean; unknown?: boolean } = {},
  ): this {
    if (value === undefined || this.keys.has(key)) return this;
    this.keys.add(key);
    this.entries.push({
      key,
      value,
      ...(options.boolKey ? { boolKey: true } : {}),
      ...(options.unknown ? { unknown: true } : {}),
    });
    return this;
  }

  /** Adds a plain model value (skipping invented values). */
  value(key: string, value: YamlValue | undefined): this {
    if (value === undefined || this.isSynthesized(key, value)) return this;
    return this.data(key, fromYamlValue(value));
  }

  /** Adds a converted model object (skipping invented ones). */
  model<T>(key: string, value: T | undefined, convert: (value: T) => YamlData): this {
    if (value === undefined || this.isSynthesized(key, value)) return this;
    return this.data(key, convert(value));
  }

  /** Adds every `extra` key not already written by a typed field. */
  extra(extra: ExtraKeys | undefined): this {
    if (!extra) return this;
    for (const key of Object.keys(extra)) {
      const value = extra[key];
      if (value !== undefined) this.data(key, fromYamlValue(value), { unknown: true });
    }
    return this;
  }

  /** The finished mapping. */
  build(identity: { origin?: number | undefined; modelNode?: boolean } = {}): MapData {
    return {
      type: 'map',
      entries: this.entries,
      ...(identity.origin !== undefined ? { origin: identity.origin } : {}),
      ...(identity.modelNode ? { modelNode: true } : {}),
    };
  }

  private isSynthesized(key: string, value: unknown): boolean {
    if (typeof value === 'object' && value !== null && this.ctx.synthesized.values.has(value)) {
      return true;
    }
    return (
      this.owner !== undefined && (this.ctx.synthesized.keys.get(this.owner)?.has(key) ?? false)
    );
  }
}
