/**
 * The public contract of the emulator. The site, the REPL, the exercise
 * grader and the tests depend on these names; keep them stable.
 */
import type { AbortLike, Interrupt } from './core/cancel';

export interface LabOptions {
  /** Seed for every random choice (IDs, MACs, ports, timings). Default 1. */
  seed?: number;
  /** Number of Docker hosts, node1..nodeN. Default 1. */
  hosts?: number;
  /**
   * When true, `sleep()` inside commands also waits real time (a live
   * terminal: ping prints once a second). Tests and the piped REPL leave it off.
   */
  realtime?: boolean;
}

export interface RunIO {
  stdout?(text: string): void;
  stderr?(text: string): void;
  /** Ctrl-C: an AbortSignal or the emulator's own Interrupt. */
  signal?: AbortLike | Interrupt;
  /** Answers interactive prompts (`[y/N]`). Without it, input is at end of file. */
  readLine?(): Promise<string | null>;
  /** Called when a command changes the terminal (e.g. `clear`). */
  control?(event: TerminalEvent): void;
  /**
   * Stops a command that runs until Ctrl-C after this much virtual time, as
   * if Ctrl-C had been pressed (the piped REPL uses 4000 ms).
   */
  timeLimitMs?: number;
}

export type TerminalEvent = { type: 'clear' };

export interface ReachResult {
  ok: boolean;
  /** Plain words: why it failed ("no route to host", "name does not resolve: bad address 'web'", "connection refused"). */
  reason: string;
}

/** Where a query is observed from. */
export type Vantage = { container: string } | { host: string } | { laptop: true };

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnets: string[];
  gateways: string[];
  internal: boolean;
  /** Driver options as `docker network inspect` shows them (`encrypted`, `parent`, …). */
  options: Record<string, string>;
  /** Container names attached to it. */
  containers: string[];
}

export interface EndpointSummary {
  network: string;
  ip: string;
  mac: string;
  aliases: string[];
}

export interface ContainerSummary {
  id: string;
  name: string;
  image: string;
  running: boolean;
  host: string;
  /** `bridge`, `host`, `none`, `container:<id>` or a network name. */
  networkMode: string;
  endpoints: EndpointSummary[];
  /** Published ports: "80/tcp" -> [{hostIp, hostPort}] */
  ports: Record<string, { hostIp: string; hostPort: string }[]>;
  env: Record<string, string>;
}

export interface LabQueries {
  networks(host?: string): NetworkSummary[];
  containers(host?: string): ContainerSummary[];
  container(name: string): ContainerSummary | undefined;
  /** Reads a file as seen from a vantage point; undefined when it does not exist. */
  readFile(where: Vantage, path: string): string | undefined;
  /** Resolves a name the way the vantage's resolver would (embedded DNS, /etc/hosts, upstream). */
  resolve(from: Vantage, name: string): string | undefined;
  /**
   * Sends real packets through the model: a ping (no port) or a TCP/UDP
   * connection. Does not change the lab's visible state (no ARP entries
   * learnt, counters untouched): the model is probed on a copy. `bytes`:
   * a ping carries that many data bytes (`ping -s`); a TCP connection also
   * downloads that many, in full-size segments (MTU problems show here).
   */
  canReach(from: Vantage, target: string, port?: number, proto?: 'tcp' | 'udp' | 'icmp', bytes?: number): ReachResult;
  /** The nodes of the lab's swarm(s), as a manager's `docker node ls` lists them. */
  swarmNodes(): SwarmNodeSummary[];
  /** The swarm services and the tasks that run for them. */
  services(): ServiceSummary[];
}

export interface SwarmNodeSummary {
  id: string;
  /** The Docker host, e.g. `node2`. */
  hostname: string;
  role: 'manager' | 'worker';
  /**
   * `docker node ls` STATUS: Ready, or Down (left, daemon stopped, or its
   * managers unreachable on 2377); `pending` for a host whose join timed out
   * and keeps trying in the background (not listed by `docker node ls` yet).
   */
  status: 'ready' | 'down' | 'pending';
  availability: 'active' | 'pause' | 'drain';
  leader: boolean;
}

export interface ServicePortSummary {
  published: number;
  target: number;
  protocol: string;
  /** `ingress` (the routing mesh) or `host`. */
  mode: 'ingress' | 'host';
}

export interface ServiceSummary {
  id: string;
  name: string;
  mode: 'replicated' | 'global';
  /** Desired replicas; undefined for a global service. */
  replicas?: number;
  /** Tasks that should run and do (the REPLICAS numerator). */
  running: number;
  /** Tasks that should run, pending ones included (the REPLICAS denominator: a global service's eligible nodes). */
  desired: number;
  /** The host of each running task, e.g. ['node1', 'node3']. */
  hosts: string[];
  endpointMode: 'vip' | 'dnsrr';
  /** Network names, in the order given to `--network`. */
  networks: string[];
  ports: ServicePortSummary[];
}

export interface LabSnapshot {
  format: 'docker-networking-lab';
  version: number;
  state: unknown;
}

export interface Lab {
  /** Runs one command line as typed at the current prompt; resolves to its exit status. Never rejects. */
  run(line: string, io?: RunIO): Promise<number>;
  /** The prompt the terminal shows now, e.g. `root@node1:~# ` or `/ # `. */
  prompt(): string;
  /** The host the session is on now (changes with `ssh`). */
  currentHost(): string;
  /** Names of the hosts in the lab. */
  hosts(): string[];
  /** Completion candidates for the word before the cursor. */
  complete(line: string): string[];
  /**
   * True when `text` (the lines typed so far, joined with newlines) is not a
   * whole command yet: an open quote, a trailing `|`, `&&` or `\`, an `if`
   * without `fi`. A terminal then shows bash's `> ` and reads another line.
   */
  continues(text: string): boolean;
  /** Command history of the session. */
  history(): string[];
  snapshot(): LabSnapshot;
  /** Replaces the lab with a snapshot. Throws an Error with a clear message when the snapshot cannot be used; the lab is then unchanged. */
  restore(snapshot: LabSnapshot): void;
  /** Writes a file on a host or in a container (used by the editor). Returns an error message or undefined. */
  writeFile(where: Vantage, path: string, content: string): string | undefined;
  readonly query: LabQueries;
  /**
   * Lines running now that are not only waiting for what other lines do (a
   * tcpdump waiting for packets is not active). A terminal with several
   * tabs runs another tab's line when this is 0.
   */
  activeLines?(): number;
  /** Calls `listener` when a line starts or stops waiting for others; returns the unsubscribe function. */
  onWaitingChange?(listener: () => void): () => void;
}
