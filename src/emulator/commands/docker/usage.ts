/** The usage texts of `docker` and of its management groups (cli/cobra.go templates, abridged to what the lab implements). */
import { DOCKER_COMMANDS } from './all';

export function dockerUsage(): string {
  const common = ['run', 'exec', 'ps', 'pull', 'images', 'inspect', 'logs', 'port', 'info', 'version'];
  const rows = common
    .map((name) => DOCKER_COMMANDS.find((c) => c.path.length === 1 && c.path[0] === name) ?? DOCKER_COMMANDS.find((c) => c.aliases?.some((a) => a.length === 1 && a[0] === name)))
    .filter((c) => !!c)
    .map((c) => `  ${(c!.aliases?.find((a) => a.length === 1)?.[0] ?? c!.path[0]).padEnd(11)} ${c!.short}`);
  return [
    'Usage:  docker [OPTIONS] COMMAND',
    '',
    'A self-sufficient runtime for containers',
    '',
    'Common Commands:',
    ...rows,
    '',
    'Management Commands:',
    '  container   Manage containers',
    '  image       Manage images',
    '  network     Manage networks',
    '  system      Manage Docker',
    '',
    'Swarm Commands:',
    '  node        Manage Swarm nodes',
    '  service     Manage Swarm services',
    '  swarm       Manage Swarm',
    '',
    "Run 'docker COMMAND --help' for more information on a command.",
    '',
  ].join('\n');
}

const GROUP_TITLES: Record<string, string> = {
  container: 'Manage containers',
  network: 'Manage networks',
  image: 'Manage images',
  system: 'Manage Docker',
  swarm: 'Manage Swarm',
  node: 'Manage Swarm nodes',
  service: 'Manage Swarm services',
};

export function groupUsage(group: string): string {
  const cmds = DOCKER_COMMANDS.filter((c) => c.path[0] === group && c.path.length === 2).sort((a, b) => a.path[1].localeCompare(b.path[1]));
  const lines = ['', `Usage:  docker ${group} COMMAND`, '', GROUP_TITLES[group] ?? '', '', 'Commands:'];
  for (const c of cmds) lines.push(`  ${c.path[1].padEnd(11)} ${c.short}`);
  lines.push('', `Run 'docker ${group} COMMAND --help' for more information on a command.`, '');
  return lines.join('\n');
}
