/**
 * Docker 28 commands the emulator leaves out because they are not about
 * networking (volumes, builds, registries, stats...). The real CLI has them,
 * so "'top' is not a docker command" would teach something false: they are
 * named as real and missing here instead. Lists from `docker --help` and each
 * group's help in Docker 28.2; commands the emulator has are taken out by
 * the caller, so adding one here never hides it.
 */
const TOP_LEVEL = [
  'bake', 'build', 'builder', 'buildx', 'checkpoint', 'commit', 'compose', 'config', 'context', 'cp', 'diff',
  'export', 'history', 'image', 'import', 'load', 'login', 'logout', 'manifest', 'pause', 'plugin', 'push',
  'save', 'search', 'secret', 'stack', 'stats', 'tag', 'top', 'trust', 'unpause', 'update', 'volume', 'wait',
];

const IN_GROUPS: Record<string, string[]> = {
  container: ['commit', 'cp', 'diff', 'export', 'pause', 'stats', 'top', 'unpause', 'update', 'wait'],
  image: ['build', 'history', 'import', 'load', 'prune', 'push', 'save', 'tag'],
  system: ['df', 'dial-stdio', 'prune'],
  swarm: ['ca', 'unlock', 'unlock-key', 'update'],
  service: ['rollback'],
};

/** The line to print when `path` is a real Docker command the emulator does not have, else undefined. */
export function outsideCourse(path: string[]): string | undefined {
  const [first, second] = path;
  let known: string | undefined;
  if (first in IN_GROUPS) known = second !== undefined && IN_GROUPS[first].includes(second) ? `${first} ${second}` : undefined;
  else if (TOP_LEVEL.includes(first)) known = first;
  if (!known) return undefined;
  return `docker: 'docker ${known}' is a real Docker command that this course's Docker host does not include (the course covers networking).\n`;
}
