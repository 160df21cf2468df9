/**
 * `nc -l` as a container's main command (`docker run -d --name srv
 * nicolaka/netshoot nc -lk -p 9000`): a listening socket from the start, the
 * quickest way to test whether a port is reachable from elsewhere. It is
 * the socket `nc -l` opens when typed in a shell (commands/net/nc.ts): TCP,
 * or UDP with -u, on all addresses; the port from -p or the first number.
 * It prints nothing unless -v (then OpenBSD netcat's "Listening on" line).
 */
import type { CommandService } from './command-services';

/** nc's options that take a value (OpenBSD netcat and BusyBox alike); commands/net/nc.ts parses with them too. */
export const NC_VALUE_OPTS = new Set(['w', 'q', 'p', 'i', 's', 'e', 'I', 'O', 'T', 'X', 'x', 'M', 'm', 'W', 'V', 'P']);

function ncOptions(args: readonly string[]): { listen: boolean; udp: boolean; verbose: boolean; port?: number } {
  const o: { listen: boolean; udp: boolean; verbose: boolean; port?: number } = { listen: false, udp: false, verbose: false };
  for (let i = 0; i < args.length; i++) {
    const w = args[i];
    if (!w.startsWith('-')) {
      if (/^\d+$/.test(w)) o.port ??= Number(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const ch = w[j];
      if (ch === 'l') o.listen = true;
      else if (ch === 'u') o.udp = true;
      else if (ch === 'v') o.verbose = true;
      else if (NC_VALUE_OPTS.has(ch)) {
        const v = j + 1 < w.length ? w.slice(j + 1) : args[++i];
        if (ch === 'p' && v !== undefined && /^\d+$/.test(v)) o.port = Number(v);
        break;
      }
    }
  }
  return o;
}

/** The listener an `nc -l` command line opens, if it is one. */
export function ncCommandServices(argv: readonly string[]): CommandService[] {
  const prog = (argv[0] ?? '').split('/').pop();
  if (prog !== 'nc' && prog !== 'netcat') return [];
  const o = ncOptions(argv.slice(1));
  if (!o.listen || o.port === undefined || o.port < 1 || o.port > 65535) return [];
  const banner = o.verbose ? `Listening on 0.0.0.0 ${o.port}` : '';
  return [{ proto: o.udp ? 'udp' : 'tcp', port: o.port, ip: '0.0.0.0', program: 'nc', service: { kind: 'listener', owner: 'nc' }, banner }];
}
