/**
 * Undo for the lines that are running: while a line runs, the lab state is
 * seen through proxies that note the old value of everything written, so an
 * internal error can put back exactly what the line changed ("a failed
 * command leaves the lab as it was"). This replaces a copy of the whole
 * state before every line, which cost O(lab size) per command (40 ms on a
 * 1,000-container lab); the proxies cost a little per read instead.
 *
 * Objects a line creates are handed back raw, not proxied: undoing the write
 * that attached them removes them whole, and their identity stays what the
 * code that made them holds. When the last line ends, any proxy left inside
 * those new objects is swapped for its target so none outlives the run.
 */
import { VIEW_TARGET, isBuiltRaw, peek } from '../core/raw-view';

type Undo = () => void;

/** One running line's record of the writes made since it started. */
export class Journal {
  readonly undos: Undo[] = [];

  /** Puts back every recorded write, newest first. */
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]();
    this.undos.length = 0;
  }
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/**
 * The proxies over one state tree while at least one line runs. Lines can
 * overlap (a tcpdump waits while another tab runs a command): every write is
 * recorded in every open journal, as each line's undo must cover all that
 * changed since it started.
 */
export class UndoScope<T extends object> {
  private readonly open = new Set<Journal>();
  // Plain Map and Set, not weak ones: they live for one run, and the weak kinds cost far more per entry.
  /** What a read hands out for each object: its view, or the object itself when the run made it (one lookup per read). */
  private proxies = new Map<object, object>();
  /** Objects the running lines made (iterated in the order they were attached). */
  private created = new Set<object>();
  private rootProxy?: T;

  constructor(private readonly root: T) {}

  /** Opens a journal; `view` is the state to run the line against. */
  begin(): { journal: Journal; view: T } {
    const journal = new Journal();
    this.open.add(journal);
    this.rootProxy ??= this.proxy(this.root) as T;
    return { journal, view: this.rootProxy };
  }

  /** Closes a journal (after its rollback, if the line failed); true when no line is left running. */
  end(journal: Journal): boolean {
    this.open.delete(journal);
    if (this.open.size > 0) return false;
    this.release();
    return true;
  }

  private release(): void {
    for (const obj of this.created) this.unwrapInside(obj);
    this.created = new Set();
    this.proxies = new Map();
    this.rootProxy = undefined;
  }

  private record(undo: Undo): void {
    for (const j of this.open) j.undos.push(undo);
  }

  private proxy(target: object): object {
    const known = this.proxies.get(target);
    if (known) return known;
    const p = new Proxy(target, this.handler);
    this.proxies.set(target, p);
    return p;
  }

  private unwrap<V>(value: V): V {
    if (!isObject(value)) return value;
    const target = peek(value);
    if (target !== value) return target;
    // Not seen through a proxy: new in this run. Its insides may hold proxies; swept at release.
    this.created.add(value);
    this.proxies.set(value, value);
    return value;
  }

  /** Replaces proxies inside an object made during the run by their targets. */
  private unwrapInside(obj: object, seen = new Set<object>()): void {
    if (seen.has(obj) || isBuiltRaw(obj)) return;
    seen.add(obj);
    const rec = obj as Record<string, unknown>;
    for (const key of Object.keys(rec)) {
      const v = rec[key];
      if (!isObject(v)) continue;
      const target = peek(v);
      if (target !== v) rec[key] = target;
      else this.unwrapInside(v, seen);
    }
  }

  private readonly handler: ProxyHandler<object> = {
    get: (target, key) => {
      if (key === VIEW_TARGET) return target;
      const v = (target as Record<string | symbol, unknown>)[key];
      if (typeof v !== 'object' || v === null) return v; // (a function is not an object here: never wrapped)
      return this.proxies.get(v) ?? this.proxy(v);
    },
    set: (target, key, value) => {
      const raw = this.unwrap(value);
      this.noteOld(target, key);
      return Reflect.set(target, key, raw);
    },
    deleteProperty: (target, key) => {
      this.noteOld(target, key);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty: (target, key, desc) => {
      this.noteOld(target, key);
      const d = 'value' in desc ? { ...desc, value: this.unwrap(desc.value) } : desc;
      return Reflect.defineProperty(target, key, d);
    },
  };

  private noteOld(target: object, key: string | symbol): void {
    if (this.open.size === 0) return;
    const rec = target as Record<string | symbol, unknown>;
    if (Array.isArray(target) && key === 'length') {
      // `list.length = 0` drops elements without a write to each: keep them all.
      const items = target.slice();
      this.record(() => {
        target.length = 0;
        target.push(...items);
      });
      return;
    }
    const had = Object.prototype.hasOwnProperty.call(target, key);
    const old = rec[key];
    // Writing past an array's end grows it: putting the length back drops the slot instead of leaving a hole.
    const length = Array.isArray(target) ? target.length : -1;
    this.record(() => {
      if (had) rec[key] = old;
      else delete rec[key];
      if (length >= 0) (target as unknown[]).length = length;
    });
  }
}
