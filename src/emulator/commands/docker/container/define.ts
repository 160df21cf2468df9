/**
 * Docker's container and image commands exist twice: under their group
 * (`docker container ls`, `docker image pull`) and as a top-level shortcut
 * (`docker ps`, `docker pull`). Each is its own cobra command, so usage
 * lines and "Run 'docker ps --help'" name the form the user typed. One
 * definition gives both specs.
 */
import type { CommandContext } from '../../types';
import type { ArgRule, DockerCommand } from '../cli/command';
import type { FlagSpec, Flags } from '../cli/flags';

export interface CommandDef {
  group: 'container' | 'image' | null;
  /** Name under the group (`ls`), or the top-level name when there is no group. */
  name: string;
  /** Other names under the group (`list`, `ps`). */
  aliases?: string[];
  /** The top-level shortcut (`ps`), if any. */
  shortcut?: string;
  /** What follows the name in cobra's Use: `[OPTIONS] CONTAINER [CONTAINER...]`. */
  use: string;
  short: string;
  flags: FlagSpec[];
  args: ArgRule;
  interspersed?: boolean;
  run(ctx: CommandContext, flags: Flags, path: string[]): Promise<number> | number;
}

function spec(def: CommandDef, path: string[], aliases: string[][] | undefined): DockerCommand {
  return {
    path,
    aliases,
    use: `${path.join(' ')} ${def.use}`,
    short: def.short,
    flags: def.flags,
    args: def.args,
    interspersed: def.interspersed,
    run: (ctx, flags) => def.run(ctx, flags, path),
  };
}

export function defineCommand(def: CommandDef): DockerCommand[] {
  if (!def.group) return [spec(def, [def.name], undefined)];
  const grouped = spec(def, [def.group, def.name], def.aliases?.map((a) => [def.group!, a]));
  return def.shortcut ? [grouped, spec(def, [def.shortcut], undefined)] : [grouped];
}

/** `docker run`/`create` errors, 28+ (cli withHelp): `docker: <msg>` + a pointer to --help; exit 125. */
export function withHelpError(ctx: CommandContext, path: string[], message: string, status = 125): number {
  ctx.stderr(`docker: ${message}\n\nRun 'docker ${path.join(' ')} --help' for more information\n`);
  return status;
}
