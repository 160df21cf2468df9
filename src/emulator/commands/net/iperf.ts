/**
 * `iperf` (iperf 2), the tool of the netshoot README's first example:
 *   iperf -s [-p 5001]          listen until Ctrl-C
 *   iperf -c HOST [-p N] [-t 10]   one line at the end of the test
 * It shares the model with iperf3 (iperf-client.ts); the two do not talk to
 * each other. Formats follow the README's transcript (2.0.x: "Server
 * listening on TCP port 9999", "TCP window size: 85.3 KByte (default)",
 * "[  4]  0.0-10.0 sec  32.7 GBytes  28.1 Gbits/sec").
 */
import type { CommandContext, CommandSpec } from '../types';
import { labCtx } from '../docker/engine-access';
import { attachSink, openServerSocket } from './iperf-servers';
import { connectIperf, serverBanner, type IperfOpts } from './iperf-client';

const USAGE = "Usage: iperf [-s|-c host] [options]\nTry `iperf --help' for more information.\n";

interface Parsed extends IperfOpts {
  server: boolean;
  error?: string;
}

function parse(args: string[]): Parsed {
  const o: Parsed = { program: 'iperf', server: false, port: 5001, seconds: 10, reverse: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (a.length > 2 && !a.startsWith('--') ? a.slice(2) : args[++i]);
    if (a === '-s' || a === '--server') o.server = true;
    else if (a.startsWith('-c') || a === '--client') o.host = value();
    else if (a.startsWith('-p') || a === '--port') o.port = Number(value());
    else if (a.startsWith('-t') || a === '--time') o.seconds = Number(value());
    else if (a.startsWith('-i') || a === '--interval') value();
    else if (a === '-u' || a === '--udp' || a.startsWith('-P') || a === '--parallel') o.error = `iperf: ${a} is not modelled here (TCP, one stream)\n`;
    else o.error = `iperf: invalid option -- '${a.replace(/^-+/, '')}'\n${USAGE}`;
  }
  if (!o.error && (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535 || !Number.isInteger(o.seconds) || o.seconds < 1)) o.error = USAGE;
  if (!o.error && !o.server && !o.host) o.error = USAGE;
  return o;
}

async function serve(ctx: CommandContext, o: Parsed): Promise<number> {
  const socket = openServerSocket(ctx, 'iperf', o.port);
  if (!socket) {
    ctx.stdout(serverBanner('iperf', o.port, 1));
    ctx.stderr('bind failed: Address in use\n');
    return 1;
  }
  const detach = attachSink(labCtx(ctx), ctx.scope.netnsId, o.port, { write: (t) => ctx.stdout(t), testDone: () => {} });
  ctx.stdout(serverBanner('iperf', o.port, 1));
  try {
    while (await ctx.sleep(60000));
  } finally {
    detach();
    socket.close();
  }
  return 130;
}

async function run(ctx: CommandContext): Promise<number> {
  const o = parse(ctx.argv.slice(1));
  if (o.error) {
    ctx.stderr(o.error);
    return 1;
  }
  return o.server ? serve(ctx, o) : connectIperf(ctx, o);
}

export const iperf: CommandSpec = {
  name: 'iperf',
  usage: 'iperf [-s|-c host] [options]',
  summary: 'measure TCP bandwidth between two hosts (iperf 2)',
  run,
};
