/** Names for completion and for the `docker` usage text, derived from the command list. */
import { DOCKER_COMMANDS } from './all';

export const DOCKER_TOP_LEVEL: string[] = [...new Set(DOCKER_COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])]).map((p) => p[0]))].sort();

export const DOCKER_SUBCOMMANDS: Record<string, string[]> = {};
for (const c of DOCKER_COMMANDS) {
  for (const p of [c.path, ...(c.aliases ?? [])]) {
    if (p.length === 2) (DOCKER_SUBCOMMANDS[p[0]] ??= []).push(p[1]);
  }
}
for (const list of Object.values(DOCKER_SUBCOMMANDS)) list.sort();
