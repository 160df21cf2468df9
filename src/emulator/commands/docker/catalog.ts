/**
 * Names for completion: docker's top-level commands and each group's
 * subcommands. Written out rather than derived from the command list
 * (all.ts) because completion works before the docker CLI's code is loaded
 * (commands/registry.ts loads it on first use); catalog.test.ts derives them
 * from the command list and checks they are the same.
 */
export const DOCKER_TOP_LEVEL: readonly string[] = [
  'attach', 'container', 'create', 'events', 'exec', 'image', 'images', 'info', 'inspect', 'kill', 'logs', 'network', 'node', 'port',
  'ps', 'pull', 'rename', 'restart', 'rm', 'rmi', 'run', 'service', 'start', 'stop', 'swarm', 'system', 'version',
];

export const DOCKER_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  container: ['attach', 'create', 'exec', 'inspect', 'kill', 'list', 'logs', 'ls', 'port', 'prune', 'ps', 'remove', 'rename', 'restart', 'rm', 'run', 'start', 'stop'],
  image: ['inspect', 'list', 'ls', 'pull', 'remove', 'rm'],
  network: ['connect', 'create', 'disconnect', 'inspect', 'list', 'ls', 'prune', 'remove', 'rm'],
  system: ['events', 'info'],
  swarm: ['init', 'join', 'join-token', 'leave'],
  node: ['demote', 'inspect', 'list', 'ls', 'promote', 'ps', 'remove', 'rm', 'update'],
  service: ['create', 'inspect', 'list', 'logs', 'ls', 'ps', 'remove', 'rm', 'rollback', 'scale', 'update'],
};
