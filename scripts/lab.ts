/**
 * `npm run lab`: the emulator in a real terminal.
 *
 *   npm run lab                      interactive REPL (line editing, history, Ctrl-C)
 *   npm run lab -- --seed 7          another seed
 *   npm run lab -- --hosts 3         several Docker hosts (ssh node2)
 *   printf 'docker ps\n' | npm run lab   piped: each line as if typed; a command
 *                                     that runs until Ctrl-C stops after 4 s of virtual time
 */
import * as readline from 'node:readline';
import { createLab, type Lab } from '../src/emulator/index';

/** bash's PS2. */
const CONTINUATION = '> ';

interface Args {
  seed: number;
  hosts: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: 1, hosts: 1 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--seed') args.seed = Number(argv[++i]);
    else if (argv[i] === '--hosts') args.hosts = Number(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('Usage: npm run lab -- [--seed N] [--hosts N]\n');
      process.exit(0);
    }
  }
  if (!Number.isInteger(args.seed) || !Number.isInteger(args.hosts) || args.hosts < 1) {
    process.stderr.write('lab: --seed and --hosts take whole numbers (hosts >= 1)\n');
    process.exit(2);
  }
  return args;
}

async function piped(lab: Lab): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const next = async (): Promise<string | null> => {
    const r = await lines.next();
    return r.done ? null : r.value;
  };
  for (;;) {
    let line = await next();
    if (line === null) break;
    process.stdout.write(lab.prompt() + line + '\n');
    // An open quote or a trailing `|`, `&&`, `\`: read on, as bash does after its `> ` prompt.
    while (lab.continues(line)) {
      const more = await next();
      if (more === null) break;
      process.stdout.write(CONTINUATION + more + '\n');
      line += '\n' + more;
    }
    await lab.run(line, {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stdout.write(t),
      readLine: async () => {
        const answer = await next();
        if (answer !== null) process.stdout.write(answer + '\n');
        return answer;
      },
      timeLimitMs: 4000,
    });
    if ((lab as unknown as { loggedOut: boolean }).loggedOut) break;
  }
  rl.close();
}

async function interactive(lab: Lab): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 1000, completer: (line: string) => {
    const hits = lab.complete(line);
    const last = line.split(/\s+/).pop() ?? '';
    return [hits, last];
  } });
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) running.abort();
    else {
      process.stdout.write('^C\n');
      rl.prompt();
    }
  });
  const ask = (q: string) => new Promise<string>((resolve) => rl.question(q, resolve));
  for (;;) {
    let line = await ask(lab.prompt());
    while (lab.continues(line)) line += '\n' + (await ask(CONTINUATION));
    running = new AbortController();
    await lab.run(line, {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      signal: running.signal,
      readLine: async () => ask(''),
    });
    running = undefined;
    if ((lab as unknown as { loggedOut: boolean }).loggedOut) break;
  }
  rl.close();
}

const args = parseArgs(process.argv.slice(2));
const lab = createLab({ seed: args.seed, hosts: args.hosts, realtime: process.stdin.isTTY === true });
if (process.stdin.isTTY) await interactive(lab);
else await piped(lab);
