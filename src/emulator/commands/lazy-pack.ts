/**
 * A set of programs whose code is loaded on first use (a dynamic `import()`),
 * so the emulator a lesson page needs before its terminal is ready stays
 * small: the net tools, the docker CLI (with its Go templates and inspect
 * formats) and the text tools are most of the emulator's code, and none of
 * them runs until the student types a command.
 *
 * The pack's names are known up front (lookup and completion need them
 * before the code arrives); the registry checks them against the loaded
 * specs in a unit test. Until the code is here, a lookup answers with a
 * stand-in spec whose `run` loads the pack, then runs the real program.
 */
import type { CommandContext, CommandSpec } from './types';

export class LazyPack {
  private specs?: Map<string, CommandSpec>;
  private loading?: Promise<void>;

  /** `names`: the programs `importer` resolves to, in any order. */
  constructor(
    readonly names: readonly string[],
    private readonly importer: () => Promise<CommandSpec[]>,
  ) {}

  /** The real spec once the pack is loaded, else undefined. */
  loaded(name: string): CommandSpec | undefined {
    return this.specs?.get(name);
  }

  get isLoaded(): boolean {
    return this.specs !== undefined;
  }

  /** Loaded, or asked for and on its way. */
  get isRequested(): boolean {
    return this.specs !== undefined || this.loading !== undefined;
  }

  /** Loads the pack once; a failed load (a chunk that did not arrive) is retried by the next call. */
  load(): Promise<void> {
    if (this.specs) return Promise.resolve();
    this.loading ??= this.importer().then(
      (specs) => {
        this.specs = new Map(specs.map((s) => [s.name, s]));
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * A spec for `name` that works before the code is here: `run` loads the
   * pack first. `prepare` wraps the real spec (the registry adds `--help`).
   * `catchesInterrupt` and the texts are read from the real spec: the shell
   * reads `catchesInterrupt` after `run`, when the pack has arrived.
   */
  standIn(name: string, prepare: (spec: CommandSpec) => CommandSpec): CommandSpec {
    const pack = this;
    const real = (): CommandSpec => {
      const spec = pack.loaded(name);
      if (!spec) throw new Error(`${name} is not in its command pack`);
      return spec;
    };
    return {
      name,
      get usage() {
        return pack.loaded(name)?.usage ?? '';
      },
      get summary() {
        return pack.loaded(name)?.summary ?? '';
      },
      get help() {
        return pack.loaded(name)?.help;
      },
      get catchesInterrupt() {
        return pack.loaded(name)?.catchesInterrupt;
      },
      async run(ctx: CommandContext): Promise<number> {
        await pack.load();
        return prepare(real()).run(ctx);
      },
    };
  }
}
