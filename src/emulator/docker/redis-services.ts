/**
 * The redis image's server given arguments as the container's command
 * (`docker run -d redis redis-server --port 7000 --appendonly yes`): the
 * entrypoint script execs it and it listens on `--port` (6379 unless told;
 * `--port 0` turns TCP off, as redis.conf documents). Without arguments it
 * is the image's default command, the image's own service (images.ts).
 * Only `--port` changes what the network sees; the other options are
 * accepted and not modelled. A port redis would refuse (over 65535, not a
 * number) starts no listener here; real redis exits with "FATAL CONFIG FILE
 * ERROR" — NOT FOUND as a transcript for this image, left as a quiet server.
 */
import type { CommandService } from './command-services';
import { afterEntrypointScripts } from './entrypoint-scripts';

export const REDIS_DEFAULT_PORT = 6379;

/** The TCP port `redis-server ARGS` listens on; 0 when TCP is off or the port is not one redis accepts. */
export function redisPort(args: readonly string[]): number {
  const i = args.lastIndexOf('--port'); // a later option overrides an earlier one, as in redis.conf
  if (i < 0) return REDIS_DEFAULT_PORT;
  const value = args[i + 1] ?? '';
  const port = /^\d+$/.test(value) ? Number(value) : -1;
  return port >= 0 && port <= 65535 ? port : 0;
}

/** The listener of `redis-server` run with arguments, after any entrypoint script. */
export function redisCommandServices(argv: readonly string[]): CommandService[] {
  const [program, ...args] = afterEntrypointScripts(argv);
  if ((program ?? '').split('/').pop() !== 'redis-server' || args.length === 0) return [];
  const port = redisPort(args);
  if (port === 0) return [];
  return [{ proto: 'tcp', port, ip: '0.0.0.0', program: 'redis-server', service: { kind: 'redis' }, banner: '' }];
}
