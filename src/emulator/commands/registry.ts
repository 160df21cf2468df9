/**
 * Every program the emulator knows, by name. A program runs in a namespace
 * only when that namespace's userland ships it (`scope.tools`), so alpine has
 * no curl and the host has no redis-cli. The registry also feeds completion.
 *
 * Most programs' code is loaded on first use (lazy-pack.ts): a lesson page
 * needs the emulator's engine to show a ready terminal, not the code of the
 * tools the student types later. Their names are listed here so lookup and
 * completion work before the code arrives (registry.test.ts checks the lists
 * against the loaded packs).
 */
import type { CommandSpec, ProcessScope } from './types';
import { systemCommands } from './system/index';
import { LazyPack } from './lazy-pack';

/** In the order a page preloads them once its terminal is ready: docker first, the commands lessons start with. */
const PACKS: LazyPack[] = [
  new LazyPack(['docker'], () => import('./docker/docker').then((m) => [m.dockerCommand])),
  new LazyPack(
    ['ip', 'ping', 'iptables', 'conntrack', 'curl', 'wget', 'nslookup', 'dig', 'drill', 'nc', 'netstat', 'ss', 'arp', 'route', 'brctl', 'bridge',
      'traceroute', 'tcpdump', 'ethtool', 'iperf', 'iperf3', 'nsenter', 'ipvsadm', 'iftop', 'mtr'],
    () => import('./net/index').then((m) => m.netCommands),
  ),
  new LazyPack(
    ['cat', 'grep', 'head', 'tail', 'wc', 'sort', 'uniq', 'cut', 'tr', 'tee', 'ls', 'env', 'printenv', 'touch', 'rm', 'mkdir', 'seq'],
    () => import('./text/index').then((m) => m.textCommands),
  ),
  new LazyPack(['systemctl', 'service', 'journalctl'], () => import('./system/units').then((m) => m.unitCommands)),
];

const BY_NAME = new Map<string, CommandSpec | LazyPack>();
for (const pack of PACKS) for (const name of pack.names) BY_NAME.set(name, pack);
for (const spec of systemCommands) BY_NAME.set(spec.name, spec);

/** The packs of programs loaded on first use (tests check their names). */
export const LAZY_PACKS: readonly LazyPack[] = PACKS;

/** Adds a program (tests use it to install a deliberately faulty one). */
export function registerCommand(spec: CommandSpec): void {
  BY_NAME.set(spec.name, spec);
}

/**
 * Programs that declare a `help` text answer `--help` with it; the others
 * parse `--help` themselves (docker, iptables, the text tools).
 */
function withHelp(spec: CommandSpec): CommandSpec {
  if (!spec.help) return spec;
  const help = spec.help;
  return {
    ...spec,
    run(ctx) {
      if (ctx.argv[1] === '--help' || ctx.argv[1] === '-h') {
        ctx.stdout(help.endsWith('\n') ? help : help + '\n');
        return 0;
      }
      return spec.run(ctx);
    },
  };
}

/** Finds a program by name (or path such as /bin/ping) if the scope's userland has it. */
export function lookupCommand(name: string, scope: ProcessScope): CommandSpec | undefined {
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const entry = BY_NAME.get(base);
  if (!entry || !scope.tools.has(base)) return undefined;
  if (!(entry instanceof LazyPack)) return withHelp(entry);
  const spec = entry.loaded(base);
  return spec ? withHelp(spec) : entry.standIn(base, withHelp);
}

export function commandNames(scope: ProcessScope): string[] {
  return [...BY_NAME.keys()].filter((n) => scope.tools.has(n)).sort();
}

/**
 * Loads the packs of the programs a command line names, anywhere in it
 * (`ssh node2 docker ps`, `sh -c "ping x"`, `/bin/ls`); undefined when they
 * are all here. The lab waits for this before it runs the line, so a line
 * runs the same whether its programs were loaded before or for it (a lazy
 * load inside a running line is real time in which another line could run).
 * A word that only looks like a program name loads a pack for nothing; a
 * program the line does not name (a script's) is loaded when it runs.
 */
export function loadToolsFor(line: string): Promise<void> | undefined {
  const wanted = new Set<LazyPack>();
  for (const word of line.match(/[\w.+-]+/g) ?? []) {
    const entry = BY_NAME.get(word);
    if (entry instanceof LazyPack && !entry.isLoaded) wanted.add(entry);
  }
  if (wanted.size === 0) return undefined;
  return Promise.all([...wanted].map((pack) => pack.load())).then(() => undefined);
}

/** True once every pack's code is here: no line needs to wait for any. */
export function allToolsLoaded(): boolean {
  return PACKS.every((pack) => pack.isLoaded);
}

/** Loads every pack, requested in PACKS order (a page calls it once its terminal is ready). */
export function preloadTools(): Promise<void> {
  return Promise.all(PACKS.map((pack) => pack.load())).then(() => undefined);
}
