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

export type Check =
  | { kind: 'network-exists'; id: string; network: string; driver?: string; subnet?: string; internal?: boolean }
  | { kind: 'network-absent'; id: string; network: string }
  | { kind: 'container-running'; id: string; container: string; image?: string }
  | { kind: 'container-absent'; id: string; container: string }
  | { kind: 'container-on-network'; id: string; container: string; network: string; ip?: string; alias?: string }
  | { kind: 'container-not-on-network'; id: string; container: string; network: string }
  | { kind: 'network-mode'; id: string; container: string; mode: string }
  /** A TCP connection (or ping when no port) from `from` to `to` really succeeds through the model. */
  | { kind: 'can-reach'; id: string; from: Vantage; to: string; port?: number; proto?: 'tcp' | 'udp' | 'icmp' }
  | { kind: 'cannot-reach'; id: string; from: Vantage; to: string; port?: number; proto?: 'tcp' | 'udp' | 'icmp' }
  | { kind: 'name-resolves'; id: string; from: Vantage; name: string; to?: string }
  | { kind: 'port-published'; id: string; container: string; containerPort: string; hostPort?: number; hostIp?: string }
  | { kind: 'file-contains'; id: string; where: Vantage; path: string; text: string }
  | { kind: 'env-has'; id: string; container: string; name: string; value?: string };

export interface Exercise {
  id: string;
  title: string;
  /** What to do, in Markdown (inline only: code spans, emphasis). */
  task: string;
  /** Commands run on a fresh lab (with the lesson's seed) to build the starting state. */
  setup: string[];
  /** Every check must pass. Each has its own plain-words failure reason from the grader. */
  checks: Check[];
  /** Revealed one at a time; they point to the next step, not the answer. */
  hints: string[];
  /** Commands that solve the exercise from its starting lab. Proven in CI. */
  solution: string[];
  /** Optional: files the `<Editor>` opens, e.g. `/etc/docker/daemon.json` on the host. */
  editFile?: { path: string; language: 'json' | 'plaintext' };
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
