/**
 * iperf servers in the model. A server is a listening socket (program
 * `iperf3` or `iperf`, ServiceRef `listener`) in its namespace, so the
 * client's handshake really finds it (net/transport tcpConnect). What the
 * server prints while it serves a client goes where its output goes:
 *  - `iperf3 -s` typed in a terminal: to that terminal, through the sink the
 *    running command registered here (live only; not part of a snapshot);
 *  - the main process of a detached container (`docker run -d … iperf3 -s`,
 *    whose socket docker/command-servers.ts opened at start): to its
 *    `docker logs`, with the banner first (logged when the first client
 *    comes: the emulator does not run a detached process).
 */
import type { LabCtx } from '../../world/ctx';
import type { NsState, Socket } from '../../net/state';
import type { ContainerState } from '../../docker/state';
import { ContainerLogWriter } from '../../docker/container-logs';
import type { CommandContext } from '../types';
import { labCtx } from '../docker/engine-access';

export type IperfProgram = 'iperf3' | 'iperf';

export interface ServerSink {
  write(text: string): void;
  /** A test ended: iperf3 prints its banner again with the next test number (`-1` ends instead). */
  testDone(): void;
}

/** The banner a server prints before its first client, and again (iperf3) after each test. */
export type Banner = (program: IperfProgram, port: number, test: number) => string;

const LIVE = new WeakMap<object, Map<string, ServerSink>>();

function key(nsId: string, port: number): string {
  return `${nsId}/${port}`;
}

/** Registers a terminal's `-s` process as the sink of its socket; returns the unregister function. */
export function attachSink(lab: LabCtx, nsId: string, port: number, sink: ServerSink): () => void {
  let map = LIVE.get(lab.root);
  if (!map) LIVE.set(lab.root, (map = new Map()));
  map.set(key(nsId, port), sink);
  return () => map!.delete(key(nsId, port));
}

export function isIperfSocket(s: Socket): s is Socket & { program: IperfProgram } {
  return s.service.kind === 'listener' && (s.program === 'iperf3' || s.program === 'iperf');
}

/** The container whose main process owns this socket, if any. */
function mainProcessOwner(lab: LabCtx, ns: NsState, socket: Socket): ContainerState | undefined {
  const docker = lab.state.machines[ns.machine]?.docker;
  return Object.values(docker?.containers ?? {}).find((c) => c.netnsId === ns.id && c.pid === socket.pid && c.status === 'running');
}

function logSink(lab: LabCtx, c: ContainerState, program: IperfProgram, port: number, banner: Banner): ServerSink {
  let served = c.logs.filter((l) => l.line.includes('Server listening on')).length;
  const log = new ContainerLogWriter(lab, c);
  const write = (text: string): void => {
    log.write('stdout', text);
    log.flush();
  };
  if (served === 0) {
    served = 1;
    write(banner(program, port, 1));
  }
  return {
    write,
    testDone() {
      if (program === 'iperf3') write(banner(program, port, ++served));
    },
  };
}

/** Where the server at `socket` writes, or undefined when nobody reads it. */
export function serverSink(lab: LabCtx, ns: NsState, socket: Socket & { program: IperfProgram }, banner: Banner): ServerSink | undefined {
  const live = LIVE.get(lab.root)?.get(key(ns.id, socket.port));
  if (live) return live;
  const c = mainProcessOwner(lab, ns, socket);
  return c ? logSink(lab, c, socket.program, socket.port, banner) : undefined;
}

/**
 * The listening socket of `iperf -s` / `iperf3 -s` typed in a terminal: a new
 * one, or the one its container's main process already opened (`docker run …
 * iperf3 -s`: docker/command-servers.ts). Undefined when another program has
 * the port. `close()` removes a socket this call opened, once the server ends.
 */
export function openServerSocket(ctx: CommandContext, program: IperfProgram, port: number): { close(): void } | undefined {
  const lab = labCtx(ctx);
  const ns = lab.ns(ctx.scope.netnsId);
  const c = ctx.scope.containerId ? lab.state.machines[ctx.scope.host]?.docker?.containers[ctx.scope.containerId] : undefined;
  const existing = ns.sockets.find((s) => s.proto === 'tcp' && s.port === port);
  const adopted = !!existing && existing.program === program && !!c && existing.pid === c.pid;
  if (existing && !adopted) return undefined;
  if (adopted) return { close: () => {} };
  const pid = c ? lab.rng.int(7, 60) : lab.rng.int(3000, 9999);
  ns.sockets.push({ proto: 'tcp', ip: '0.0.0.0', port, pid, program, service: { kind: 'listener', owner: ctx.scope.containerId ?? ctx.scope.host } });
  return {
    close() {
      const live = labCtx(ctx).ns(ctx.scope.netnsId);
      if (live) live.sockets = live.sockets.filter((s) => !(s.pid === pid && s.port === port && s.program === program));
    },
  };
}
