/**
 * `iperf3` (3.19, Alpine's in netshoot): a TCP throughput test through the
 * model.
 *   iperf3 -s [-p 5201] [-1]       listen until Ctrl-C (a socket others really reach)
 *   iperf3 -c HOST [-p N] [-t 10] [-R] [-P N] [-u [-b RATE]]   connect (a real handshake), then
 *                                  one line a second and the sender/receiver summary
 *                                  (per stream and [SUM] with -P: iperf-parallel.ts)
 * The figures come from the path the handshake took (iperf-path.ts); the
 * server's side of each test is printed by the server (iperf-servers.ts).
 * Errors are iperf_strerror()'s: IECONNECT + strerror (musl's words: netshoot
 * is Alpine), IEMESSAGE when the port is not an iperf3 server, IELISTEN when
 * the port is taken. UDP (-u, -b RATE) is iperf-udp.ts.
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { iperf3Listening } from '../netfmt/iperf';
import { attachSink, openServerSocket } from './iperf-servers';
import { connectIperf, type IperfOpts } from './iperf-client';
import { parseRate } from './iperf-udp';

interface Parsed extends IperfOpts {
  server: boolean;
  once: boolean;
  error?: string;
}

const USAGE = 'Usage: iperf3 [-s|-c host] [options]\n       iperf3 [-h|--help] [-v|--version]\n';

function parse(args: string[]): Parsed {
  const o: Parsed = { server: false, once: false, port: 5201, seconds: 10, reverse: false, parallel: 1, program: 'iperf3' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i]);
    if (a === '-s' || a === '--server') o.server = true;
    else if (a === '-1' || a === '--one-off') o.once = true;
    else if (a === '-R' || a === '--reverse') o.reverse = true;
    else if (a.startsWith('-c') || a === '--client') o.host = value();
    else if (a.startsWith('-p') || a === '--port') o.port = Number(value());
    else if (a.startsWith('-t') || a === '--time') o.seconds = Number(value());
    else if (a.startsWith('-i') || a === '--interval') value();
    else if (a.startsWith('-P') || a === '--parallel') o.parallel = Number(value());
    else if (a === '-u' || a === '--udp') o.udp = true;
    else if (a.startsWith('-b') || a === '--bitrate' || a === '--bandwidth') {
      const v = value() ?? '';
      o.bitrate = parseRate(v);
      if (o.bitrate === undefined) o.error = `invalid option -- 'b'`;
    }
    else o.error = `invalid option -- '${a.replace(/^-+/, '')}'`;
  }
  if (!o.error && (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535)) o.error = 'parameter error - port number must be between 1 and 65535 inclusive';
  if (!o.error && (!Number.isInteger(o.seconds) || o.seconds < 1 || o.seconds > 86400)) o.error = 'parameter error - test duration valid values are 0 to 86400 seconds';
  if (!o.error && (!Number.isInteger(o.parallel) || (o.parallel ?? 1) < 1 || (o.parallel ?? 1) > 128)) o.error = 'parameter error - number of parallel streams too large (maximum = 128)';
  if (!o.error && o.server && o.host) o.error = 'parameter error - cannot be both server and client';
  if (!o.error && !o.server && !o.host) o.error = 'parameter error - must either be a client (-c) or server (-s)';
  return o;
}

/** `iperf3 -s`: the socket (or the one its container's start opened for it), the banner, then wait. */
async function serve(ctx: CommandContext, o: Parsed): Promise<number> {
  const socket = openServerSocket(ctx, 'iperf3', o.port);
  if (!socket) {
    ctx.stderr('iperf3: error - unable to start listener for connections: Address in use\niperf3: exiting\n');
    return 1;
  }
  let test = 1;
  let done = false;
  const detach = attachSink(labCtx(ctx), ctx.scope.netnsId, o.port, {
    write: (t) => ctx.stdout(t),
    testDone() {
      if (o.once) done = true;
      else ctx.stdout(iperf3Listening(o.port, ++test));
    },
  });
  ctx.stdout(iperf3Listening(o.port, test));
  try {
    while (!done && (await ctx.sleep(1000)));
  } finally {
    detach();
    socket.close();
  }
  if (done) return 0;
  ctx.stderr('iperf3: interrupt - the server has terminated\n');
  return 1;
}

async function run(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout('iperf 3.19 (cJSON 1.7.15)\n');
    return 0;
  }
  const o = parse(args);
  if (o.error) {
    ctx.stderr(o.error.startsWith('parameter error') ? `iperf3: ${o.error}\n\n${USAGE}` : `iperf3: ${o.error}\n${USAGE}`);
    return 1;
  }
  return o.server ? serve(ctx, o) : connectIperf(ctx, o);
}

export const iperf3: CommandSpec = {
  name: 'iperf3',
  usage: 'iperf3 [-s|-c host] [options]',
  summary: 'perform network throughput tests',
  run,
};
