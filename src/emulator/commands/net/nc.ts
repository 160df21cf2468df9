/**
 * `nc`: BusyBox's nc_bloaty in alpine/busybox, OpenBSD netcat (Debian's
 * netcat-openbsd) on the host and in GNU images.
 *   nc -zv web 80          a real TCP handshake per port (ranges: 20-25)
 *   nc -zvu host 53        a UDP probe (only ICMP port-unreachable means closed)
 *   echo PING | nc -w1 redis 6379    a conversation (kernel/tcp-stream)
 *   nc -l -p 8080 / nc -l 8080       listen until Ctrl-C
 * While `nc -l` runs, its namespace has a listening socket (ServiceRef
 * `listener`), so other processes connect to it (nc -z, curl — which then
 * waits, as nothing answers). Limits: what clients send is not printed by the
 * listener, and a listener without -k does not end when its first client
 * leaves (the model has no connection to watch); it ends with Ctrl-C.
 */
import type { CommandContext, CommandSpec } from '../types';
import { netfmtFlavors, type NcFlavor } from '../netfmt/index';
import { labCtx } from '../docker/engine-access';
import { ncProbe, ncTalk, type NcClientOpts } from './nc-connect';
import { NC_VALUE_OPTS } from '../../docker/nc-services';

interface Opts {
  zero: boolean;
  verbose: number;
  udp: boolean;
  listen: boolean;
  waitS?: number;
  quitS?: number;
  port?: string;
  positional: string[];
  error?: string;
}


function parse(argv: string[]): Opts {
  const o: Opts = { zero: false, verbose: 0, udp: false, listen: false, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (!w.startsWith('-') || w === '-') {
      o.positional.push(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const ch = w[j];
      if (ch === 'z') o.zero = true;
      else if (ch === 'v') o.verbose++;
      else if (ch === 'u') o.udp = true;
      else if (ch === 'l') o.listen = true;
      else if ('knN46dDCFhrStU'.includes(ch)) continue;
      else if (NC_VALUE_OPTS.has(ch)) {
        const v = j + 1 < w.length ? w.slice(j + 1) : argv[++i];
        if (v === undefined) o.error = `option requires an argument -- '${ch}'`;
        else if (ch === 'w') o.waitS = Number(v);
        else if (ch === 'q') o.quitS = Number(v);
        else if (ch === 'p') o.port = v;
        break;
      } else o.error = `invalid option -- '${ch}'`;
    }
  }
  return o;
}

function usage(flavor: NcFlavor): string {
  if (flavor === 'busybox') {
    return 'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n';
  }
  return 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n';
}

/** `80` or `20-25`. */
function ports(spec: string): number[] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (lo < 1 || hi > 65535 || hi < lo) return undefined;
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

async function listen(ctx: CommandContext, o: Opts, flavor: NcFlavor): Promise<number> {
  const spec = o.port ?? o.positional[o.positional.length - 1];
  const port = spec !== undefined ? ports(spec) : undefined;
  if (!port || port.length !== 1) {
    ctx.stderr(flavor === 'busybox' ? usage(flavor) : spec === undefined ? usage(flavor) : `nc: port number invalid: ${spec}\n`);
    return 1;
  }
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const proto = o.udp ? 'udp' : 'tcp';
  if (ns.sockets.some((s) => s.proto === proto && s.port === port[0])) {
    ctx.stderr(flavor === 'busybox' ? 'nc: bind: Address in use\n' : 'nc: Address already in use\n');
    return 1;
  }
  const pid = ctx.scope.containerId ? lab.rng.int(7, 60) : lab.rng.int(3000, 9999);
  const owner = ctx.scope.containerId ?? ctx.scope.host;
  const socket = { proto, ip: '0.0.0.0', port: port[0], pid, program: 'nc', service: { kind: 'listener', owner } } as const;
  ns.sockets.push({ ...socket, service: { ...socket.service } });
  if (o.verbose) ctx.stderr(flavor === 'busybox' ? `listening on 0.0.0.0:${port[0]} ...\n` : `Listening on 0.0.0.0 ${port[0]}\n`);
  try {
    while (await ctx.sleep(60000));
  } finally {
    const live = labCtx(ctx).ns(ctx.scope.netnsId);
    if (live) live.sockets = live.sockets.filter((s) => !(s.pid === pid && s.port === port[0] && s.program === 'nc'));
  }
  return 130;
}

async function run(ctx: CommandContext): Promise<number> {
  const flavor = netfmtFlavors(ctx.scope.userland).nc;
  const o = parse(ctx.argv.slice(1));
  if (o.error) {
    ctx.stderr(`nc: ${o.error}\n${usage(flavor)}`);
    return 1;
  }
  if (o.listen) return listen(ctx, o, flavor);
  const [host, ...portSpecs] = o.positional;
  if (!host || !portSpecs.length) {
    ctx.stderr(usage(flavor));
    return 1;
  }
  const list: number[] = [];
  for (const spec of portSpecs) {
    const p = ports(spec);
    if (!p) {
      ctx.stderr(flavor === 'busybox' ? `nc: invalid port '${spec}'\n` : `nc: port number invalid: ${spec}\n`);
      return 1;
    }
    list.push(...p);
  }
  const client: NcClientOpts = { flavor, verbose: o.verbose, udp: o.udp, waitS: o.waitS, quitS: o.quitS, zero: o.zero, host, ports: list };
  return o.zero ? ncProbe(ctx, client) : ncTalk(ctx, client);
}

export const nc: CommandSpec = {
  name: 'nc',
  usage: 'nc [-46CDdFhklNnrStUuvZz] [-w timeout] [destination] [port]',
  summary: 'arbitrary TCP and UDP connections and listens',
  run,
};
