/**
 * Course content as data (house style: levels as data, every solution proven).
 * Exercises and quizzes live beside each lesson in `content/lessons/<slug>/`
 * as typed TypeScript modules, validated by the zod schemas in `schema.ts`.
 *
 * An exercise is graded on the lab's STATE through the Lab query API — never
 * on what the student typed.
 */

/** Where something is observed from: a container (by name), a host's own namespace, or the LAN laptop. */
export type Vantage = { container: string } | { host: string } | { laptop: true };

/**
 * Fields every check carries. On the network checks, the optional `host`
 * narrows the look-up to one Docker host of a multi-host lab (networks are
 * per host, as `docker network ls` on that host shows them).
 */
interface CheckBase {
  /** Unique within its exercise; names the check in results and in build errors. */
  id: string;
  /** Checklist label shown to the student instead of the generated one. */
  label?: string;
}

export type Check =
  /** `option`: a driver option the network must have been created with, e.g. `encrypted` (`--opt encrypted`). */
  | (CheckBase & { kind: 'network-exists'; network: string; driver?: string; subnet?: string; internal?: boolean; option?: string; host?: string })
  | (CheckBase & { kind: 'network-absent'; network: string; host?: string })
  /** `host`: in multi-host labs, the Docker host the container must run on. */
  | (CheckBase & { kind: 'container-running'; container: string; image?: string; host?: string })
  | (CheckBase & { kind: 'container-absent'; container: string })
  | (CheckBase & { kind: 'container-on-network'; container: string; network: string; ip?: string; alias?: string })
  | (CheckBase & { kind: 'container-not-on-network'; container: string; network: string })
  | (CheckBase & { kind: 'network-mode'; container: string; mode: string })
  /**
   * A TCP connection (or ping when no port) from `from` to `to` really succeeds through the model.
   * `bytes`: the ping carries that many data bytes, or the connection also downloads that many
   * in full-size segments — what an MTU problem breaks while small packets pass.
   */
  | (CheckBase & { kind: 'can-reach'; from: Vantage; to: string; port?: number; proto?: 'tcp' | 'udp' | 'icmp'; bytes?: number })
  | (CheckBase & { kind: 'cannot-reach'; from: Vantage; to: string; port?: number; proto?: 'tcp' | 'udp' | 'icmp' })
  /** `to` is an IPv4 address, or a container name whose address on any of its networks is accepted. */
  | (CheckBase & { kind: 'name-resolves'; from: Vantage; name: string; to?: string })
  /** `containerPort` as Docker keys it: "80/tcp" ("80" means tcp). */
  | (CheckBase & { kind: 'port-published'; container: string; containerPort: string; hostPort?: number; hostIp?: string })
  | (CheckBase & { kind: 'file-contains'; where: Vantage; path: string; text: string })
  | (CheckBase & { kind: 'env-has'; container: string; name: string; value?: string })
  /** `node` is a host name; the node must be listed by the managers, Ready unless `status` says otherwise. */
  | (CheckBase & { kind: 'swarm-node'; node: string; role?: 'manager' | 'worker'; status?: 'ready' | 'down' })
  /** A swarm service whose tasks all run; `published` is a port it publishes, in `publishMode` when given. */
  | (CheckBase & { kind: 'service-running'; service: string; mode?: 'replicated' | 'global'; replicas?: number; endpointMode?: 'vip' | 'dnsrr'; network?: string; published?: number; publishMode?: 'ingress' | 'host'; notOnHost?: string });

/** The `kind` of every check, e.g. `'can-reach'`. */
export type CheckKind = Check['kind'];

/** The check of one kind, e.g. `CheckOf<'can-reach'>`. */
export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;

export interface Exercise {
  id: string;
  title: string;
  /** What to do, in Markdown (inline only: code spans, emphasis). */
  task: string;
  /** Key of the lesson's lab (frontmatter `labs`) whose terminal this exercise grades. */
  lab: string;
  /** Every check must pass. Each has its own plain-words failure reason from the grader. */
  checks: Check[];
  /** Revealed one at a time; they point to the next step, not the answer. */
  hints: string[];
  /**
   * Commands that solve the exercise, typed in order at the lesson's terminal.
   * Proven in CI (tests/exercises.test.ts): each must exit 0 unless listed in
   * `solutionExit`.
   */
  solution: string[];
  /**
   * Exit statuses other than 0 that a solution command is meant to have,
   * keyed by the exact command line, e.g. `{ 'docker network rm appnet': 1 }`
   * when the solution shows an error on purpose.
   */
  solutionExit?: Record<string, number>;
  /**
   * How the exercise relates to the ones above it on the page (same lab).
   * Absent/false: its solution works from the lesson's starting lab AND after
   * the exercises above it have been solved; CI proves both. True: it builds
   * on them (e.g. uses the network an earlier exercise created); CI proves it
   * only after their solutions.
   */
  continues?: boolean;
  /**
   * Optional: a file the exercise edits. `<Exercise>` then shows an `<Editor>`
   * for it, e.g. `/etc/docker/daemon.json` on node1 (the default host).
   */
  editFile?: { path: string; language: 'json' | 'plaintext'; host?: string };
}

/**
 * A lesson's lab: what its terminal starts from. Declared in the lesson's
 * frontmatter under `labs:`; the starting lab is createLab({ seed, hosts })
 * followed by the `setup` commands.
 */
export interface LabSetup {
  hosts?: number;
  seed?: number;
  setup: string[];
}

export type QuizQuestion =
  | { kind: 'single'; id: string; prompt: string; choices: QuizChoice[] }
  | { kind: 'multiple'; id: string; prompt: string; choices: QuizChoice[] }
  | { kind: 'short'; id: string; prompt: string; accept: string[]; explanation: string; caseSensitive?: boolean };

export interface QuizChoice {
  text: string;
  correct: boolean;
  /** Why this choice is right or wrong — shown after answering. */
  explanation: string;
}

export interface Quiz {
  id: string;
  title: string;
  questions: QuizQuestion[];
}
