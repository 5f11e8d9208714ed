/**
 * Which context keys are available at a point of a run, as a chain of frames: each container child
 * (branch, body, state) gets a new frame over its parent's, steps of one sequence append to their
 * frame, and a container folds its children's frames into its own when they finish. Nothing is
 * copied per step; a lookup walks the (nesting-depth long) chain and the few entries of one root.
 */

/** One produced key: certain on every path to here, or only on some (and why). */
export interface KeyEntry {
  readonly key: string;
  readonly root: string;
  readonly certain: boolean;
  /** Why it is produced on some paths only (for entries that are not certain). */
  readonly reason?: string;
  /** The step that produces it. */
  readonly producer: string;
}

/** Whether `produced` provides `read`: the same path, or a prefix of it (children unknown). */
export function coversKey(produced: string, read: string): boolean {
  return read === produced || read.startsWith(`${produced}.`);
}

/** The first segment of a dotted path. */
export function rootOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** A produced key entry. */
export function keyEntry(key: string, producer: string, reason?: string): KeyEntry {
  return reason === undefined
    ? { key, root: rootOf(key), certain: true, producer }
    : { key, root: rootOf(key), certain: false, reason, producer };
}

const NO_ENTRIES: readonly KeyEntry[] = [];

/** The availability of keys at one nesting level. */
export class KeyFrame {
  // Created on the first entry: most frames (branches, bodies, seeds) stay empty or small.
  private byRoot: Map<string, KeyEntry[]> | undefined;
  /** A step here writes keys that cannot be known statically: reads are given the benefit of the doubt. */
  unknown = false;

  /**
   * @param parent the frame this one continues
   * @param visibleRoots when set, only these roots of the parent chain are visible (a parallel
   *   branch with `context_include_keys`), and `filteredBy` names the step that filters them
   * @param always whether this frame stays visible through such filters (built-in keys)
   */
  constructor(
    readonly parent?: KeyFrame,
    readonly visibleRoots?: ReadonlySet<string>,
    readonly always = false,
    readonly filteredBy?: string,
  ) {}

  /** Records a produced key. */
  add(entry: KeyEntry): void {
    const byRoot = (this.byRoot ??= new Map<string, KeyEntry[]>());
    const list = byRoot.get(entry.root);
    if (list) list.push(entry);
    else byRoot.set(entry.root, [entry]);
  }

  /** Entries of `root` produced in this frame itself. */
  entriesOf(root: string): readonly KeyEntry[] {
    return this.byRoot?.get(root) ?? NO_ENTRIES;
  }

  /** Every entry produced in this frame itself. */
  *ownEntries(): Generator<KeyEntry> {
    if (!this.byRoot) return;
    for (const list of this.byRoot.values()) yield* list;
  }

  /** Whether a certain entry of this frame itself provides `key`. */
  certainlyProvides(key: string): boolean {
    return this.entriesOf(rootOf(key)).some((entry) => entry.certain && coversKey(entry.key, key));
  }
}

/** What a lookup found for a read key. */
export type KeyLookup =
  | { readonly kind: 'available' }
  /** Produced on some paths only. */
  | { readonly kind: 'maybe'; readonly entry: KeyEntry }
  /** Only another path under the same root is produced (a child, or a sibling). */
  | { readonly kind: 'partial'; readonly entry: KeyEntry }
  /** Not produced, or (with `hiddenBy`) produced but not copied into this parallel branch. */
  | { readonly kind: 'missing'; readonly hiddenBy?: string };

const AVAILABLE: KeyLookup = { kind: 'available' };
const MISSING: KeyLookup = { kind: 'missing' };

/** Looks `key` up from `frame` outwards: certain beats unknown writers beats some-paths beats partial. */
export function lookupKey(frame: KeyFrame, key: string): KeyLookup {
  const root = rootOf(key);
  let filteredBy: string | undefined;
  let hiddenBy: string | undefined;
  let unknown = false;
  let maybe: KeyEntry | undefined;
  let partial: KeyEntry | undefined;
  for (let current: KeyFrame | undefined = frame; current; current = current.parent) {
    if (filteredBy === undefined || current.always) {
      for (const entry of current.entriesOf(root)) {
        if (!coversKey(entry.key, key)) partial ??= entry;
        else if (entry.certain) return AVAILABLE;
        else maybe ??= entry;
      }
      if (current.unknown && filteredBy === undefined) unknown = true;
    } else if (hiddenBy === undefined && current.entriesOf(root).length > 0) {
      hiddenBy = filteredBy;
    }
    if (current.visibleRoots && !current.visibleRoots.has(root)) {
      filteredBy ??= current.filteredBy ?? 'a parallel step';
    }
  }
  if (unknown) return AVAILABLE;
  if (maybe) return { kind: 'maybe', entry: maybe };
  if (partial) return { kind: 'partial', entry: partial };
  return hiddenBy === undefined ? MISSING : { kind: 'missing', hiddenBy };
}

/** Copies the entries of `source` into `target`, each transformed (undefined drops it). */
export function foldFrame(
  target: KeyFrame,
  source: KeyFrame,
  transform: (entry: KeyEntry) => KeyEntry | undefined,
  keepUnknown = true,
): void {
  for (const entry of source.ownEntries()) {
    const next = transform(entry);
    if (next) target.add(next);
  }
  if (keepUnknown && source.unknown) target.unknown = true;
}

/** An entry downgraded to "some paths only", keeping the inner reason of one already so. */
export function someEntry(entry: KeyEntry, reason: string): KeyEntry {
  return entry.certain ? { ...entry, certain: false, reason } : entry;
}

/**
 * Folds alternative children (conditional branches incl. the default branch) into `target`: a key
 * is certain when every alternative certainly provides it, else it holds on some paths only.
 */
export function foldAlternatives(
  target: KeyFrame,
  alternatives: readonly { readonly label: string; readonly frame: KeyFrame }[],
  describe: (producer: string, labels: readonly string[]) => string,
): void {
  const seen = new Set<string>();
  for (const { frame } of alternatives) {
    for (const entry of frame.ownEntries()) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      const providers = alternatives.filter((other) => other.frame.certainlyProvides(entry.key));
      if (providers.length === alternatives.length) target.add(keyEntry(entry.key, entry.producer));
      else
        target.add(
          someEntry(
            entry,
            describe(
              entry.producer,
              providers.map((p) => p.label),
            ),
          ),
        );
    }
    if (frame.unknown) target.unknown = true;
  }
}
