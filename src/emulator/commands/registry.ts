/**
 * Every program the emulator knows, by name. A program runs in a namespace
 * only when that namespace's userland ships it (`scope.tools`), so alpine has
 * no curl and the host has no redis-cli. The registry also feeds completion.
 */
import type { CommandSpec, ProcessScope } from './types';
import { textCommands } from './text/index';
import { systemCommands } from './system/index';
import { dockerCommand } from './docker/docker';
import { netCommands } from './net/index';

const ALL: CommandSpec[] = [...textCommands, ...systemCommands, dockerCommand, ...netCommands];

const BY_NAME = new Map<string, CommandSpec>();
for (const spec of ALL) BY_NAME.set(spec.name, spec);

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
  const spec = BY_NAME.get(base);
  if (!spec) return undefined;
  return scope.tools.has(base) ? withHelp(spec) : undefined;
}

export function commandNames(scope: ProcessScope): string[] {
  return [...BY_NAME.keys()].filter((n) => scope.tools.has(n)).sort();
}
