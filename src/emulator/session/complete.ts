/**
 * Tab completion: command names for the first word, docker subcommands,
 * container and network names where docker expects them, and paths.
 */
import type { EmulatedLab } from '../lab';
import { commandNames } from '../commands/registry';
import { DOCKER_TOP_LEVEL, DOCKER_SUBCOMMANDS } from '../commands/docker/catalog';

export function completeLine(lab: EmulatedLab, line: string): string[] {
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? '';
  const scope = lab.session.scope(lab.session.top());
  if (words.length <= 1) return commandNames(scope).filter((n) => n.startsWith(current));
  if (words[0] !== 'docker') return [];
  if (words.length === 2) return DOCKER_TOP_LEVEL.filter((n) => n.startsWith(current));
  const group = DOCKER_SUBCOMMANDS[words[1]];
  if (group && words.length === 3) return group.filter((n) => n.startsWith(current));
  const machine = lab.session.top().machine;
  const docker = lab.ctx.state.machines[machine]?.docker;
  if (!docker) return [];
  const names = words[1] === 'network' ? Object.values(docker.networks).map((n) => n.name) : Object.values(docker.containers).map((c) => c.name);
  return names.filter((n) => n.startsWith(current)).sort();
}
