/**
 * A small shell for tests: a virtual fs, the text tools, the builtins and
 * a few fake programs (`boom` throws, `ctrlc` presses Ctrl-C while it runs,
 * `args` prints its argv one per line, `stdin` echoes its input, `status N`
 * exits N), all behind a ShellRuntime like the session's.
 */
import { InterruptSource } from '../../core/cancel';
import { VirtualFs, emptyFs } from '../../kernel/fs';
import type { CommandSpec, ProcessScope, Userland } from '../../commands/types';
import { textCommands } from '../../commands/text/index';
import { runLine } from '../interpreter';
import { createShellState, type ShellFlavour, type ShellRuntime, type ShellState } from '../runtime';

export interface FakeShellOptions {
  flavour?: ShellFlavour;
  userland?: Userland;
  argv0?: string;
  files?: Record<string, string>;
  /** Programs installed; default: every text tool and fake program. */
  tools?: string[];
  env?: Record<string, string>;
}

export interface RunResult {
  out: string;
  err: string;
  status: number;
}

function fakePrograms(interrupt: () => InterruptSource): CommandSpec[] {
  const spec = (name: string, run: CommandSpec['run']): CommandSpec => ({ name, usage: name, summary: name, run });
  return [
    spec('boom', () => {
      throw new Error('kaboom');
    }),
    spec('ctrlc', (ctx) => {
      ctx.stdout('started\n');
      interrupt().abort();
      return 130;
    }),
    spec('args', (ctx) => {
      ctx.stdout(ctx.argv.slice(1).map((a) => `<${a}>`).join('\n') + '\n');
      return 0;
    }),
    spec('stdin', (ctx) => {
      ctx.stdout(ctx.stdin);
      return 0;
    }),
    spec('status', (ctx) => Number(ctx.argv[1] ?? 0)),
    spec('curl', (ctx) => {
      ctx.stdout(`curl ${ctx.argv.slice(1).join(' ')}\n`);
      return 0;
    }),
  ];
}

export class FakeShell {
  readonly fs: VirtualFs;
  readonly scope: ProcessScope;
  readonly state: ShellState;
  readonly rt: ShellRuntime;
  interrupt = new InterruptSource();
  /** Total milliseconds `sleep` was asked to wait. */
  slept = 0;

  constructor(opts: FakeShellOptions = {}) {
    const base = emptyFs();
    this.fs = new VirtualFs({ files: { ...opts.files }, dirs: base.dirs });
    const programs = new Map<string, CommandSpec>();
    for (const p of [...textCommands, ...fakePrograms(() => this.interrupt)]) programs.set(p.name, p);
    const tools = new Set(opts.tools ?? programs.keys());
    this.scope = {
      host: 'node1', netnsId: 'ns-host', fs: this.fs, userland: opts.userland ?? (opts.flavour === 'sh' ? 'busybox' : 'gnu'),
      tools, cwd: '/root',
    };
    this.state = createShellState(opts.env ?? { HOME: '/root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' });
    const self = this;
    this.rt = {
      scope: this.scope,
      lab: undefined,
      session: undefined,
      get interrupt() {
        return self.interrupt;
      },
      sleep: async (ms) => {
        if (self.interrupt.aborted) return false;
        self.slept += ms;
        return true;
      },
      readLine: async () => null,
      lookup: (name) => (tools.has(name) ? programs.get(name) : undefined),
      shellName: opts.flavour ?? 'bash',
      argv0: opts.argv0,
      pid: 4242,
    };
  }

  async run(line: string): Promise<RunResult> {
    let out = '';
    let err = '';
    const status = await runLine(line, this.state, this.rt, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { out, err, status };
  }

  /** Runs a line with a fresh Ctrl-C token (the session makes one per line). */
  async runFresh(line: string): Promise<RunResult> {
    this.interrupt = new InterruptSource();
    return this.run(line);
  }
}

export function bash(opts: FakeShellOptions = {}): FakeShell {
  return new FakeShell({ flavour: 'bash', ...opts });
}

export function ash(opts: FakeShellOptions = {}): FakeShell {
  return new FakeShell({ flavour: 'sh', userland: 'busybox', ...opts });
}
