import { describe, expect, it } from 'vitest';
import '../../index';
import { DOCKER_COMMANDS } from './all';
import { DOCKER_SUBCOMMANDS, DOCKER_TOP_LEVEL } from './catalog';

describe('docker completion catalog', () => {
  const paths = DOCKER_COMMANDS.flatMap((c) => [c.path, ...(c.aliases ?? [])]);

  it('lists the top-level commands of the command list', () => {
    expect(DOCKER_TOP_LEVEL).toEqual([...new Set(paths.map((p) => p[0]))].sort());
  });

  it("lists each group's subcommands of the command list", () => {
    const derived: Record<string, string[]> = {};
    for (const p of paths) if (p.length === 2) (derived[p[0]] ??= []).push(p[1]);
    for (const list of Object.values(derived)) list.sort();
    expect(DOCKER_SUBCOMMANDS).toEqual(derived);
  });
});
