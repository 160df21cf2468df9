/**
 * Servers started by a command line rather than by an image's default
 * command: `nc -l`, iperf servers, `redis-server --port N` (their own files) and Python's `python -m http.server [PORT]
 * [--bind ADDR]` (Lib/http/server.py: port 8000 by default, all addresses
 * unless --bind/-b names one). It lets a lab run a service that listens on
 * 127.0.0.1 inside its container — reachable from inside, refused from
 * everywhere else, as a real socket bound to loopback is.
 */
import type { ImageService } from './images';
import { iperfCommandServices } from './iperf-services';
import { ncCommandServices } from './nc-services';
import { redisCommandServices } from './redis-services';

export interface CommandService extends ImageService {
  /** The address the socket is bound to: 0.0.0.0 or the --bind address. */
  ip: string;
  /** What the server prints once listening (on stdout). */
  banner: string;
}

const PYTHONS = /^(\/usr\/local\/bin\/|\/usr\/bin\/)?python(3(\.\d+)?)?$/;

/** Options of http.server that take a value (skipped when looking for the port). */
const VALUE_OPTIONS = ['--directory', '-d', '--protocol', '-p'];

function httpServerOptions(rest: string[]): { port: number; ip: string } | undefined {
  let port = 8000;
  let ip = '0.0.0.0';
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--bind' || a === '-b') ip = rest[++i] ?? ip;
    else if (a.startsWith('--bind=')) ip = a.slice('--bind='.length);
    else if (VALUE_OPTIONS.includes(a)) i++;
    else if (/^\d+$/.test(a)) port = Number(a);
    else if (!a.startsWith('-')) return undefined; // argparse rejects it: the process exits
  }
  if (port < 1 || port > 65535 || !/^(\d{1,3}\.){3}\d{1,3}$/.test(ip)) return undefined;
  return { port, ip };
}

/** The servers a command line starts; empty when it starts none the emulator knows. */
export function commandServices(argv: readonly string[]): CommandService[] {
  if (iperfCommandServices(argv).length) return iperfCommandServices(argv); // netshoot's iperf servers (iperf-services.ts)
  if (ncCommandServices(argv).length) return ncCommandServices(argv); // `nc -l` listeners (nc-services.ts)
  if (redisCommandServices(argv).length) return redisCommandServices(argv); // redis-server with options (redis-services.ts)
  if (!PYTHONS.test(argv[0] ?? '') || argv[1] !== '-m' || argv[2] !== 'http.server') return [];
  const opts = httpServerOptions(argv.slice(3));
  if (!opts) return [];
  const { port, ip } = opts;
  const banner = `Serving HTTP on ${ip} port ${port} (http://${ip}:${port}/) ...`;
  return [{ proto: 'tcp', port, ip, program: 'python', service: { kind: 'http', site: 'python' }, banner }];
}
