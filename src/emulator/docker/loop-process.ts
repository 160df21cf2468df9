/**
 * A container whose main process is a shell loop that does something and
 * sleeps — the usual way to keep traffic flowing in a lab:
 *
 *   docker run -d --name client alpine sh -c 'while true; do wget -qO- http://web; sleep 1; done'
 *
 * Forms recognised (sh/ash/bash -c): `while true; do BODY; sleep N; done`,
 * the same with `while :`, and `while sleep N; do BODY; done`. Such a
 * process runs until the container stops: session/background-processes.ts runs
 * the script, suspended in each sleep until lab time reaches its end.
 */
import type { ContainerState } from './state';

export interface ShellLoop {
  /** The commands run each time round. */
  body: string;
  /** Lab time between two runs of the body. */
  periodMs: number;
  /** `while sleep N; do ...`: the first run comes after one period, not at once. */
  sleepsFirst: boolean;
}

const SHELLS = new Set(['sh', 'ash', 'bash', 'dash', 'zsh']);
const BODY_THEN_SLEEP = /^\s*while\s+(?:true|:)\s*;\s*do\s+([\s\S]+?)\s*;\s*sleep\s+(\d+(?:\.\d+)?)\s*;\s*done\s*;?\s*$/;
const SLEEP_THEN_BODY = /^\s*while\s+sleep\s+(\d+(?:\.\d+)?)\s*;\s*do\s+([\s\S]+?)\s*;?\s*done\s*;?\s*$/;

/** The loop `argv` runs, if it is one of the forms above. */
export function shellLoopOf(argv: string[]): ShellLoop | undefined {
  const [prog, flag, script, ...rest] = argv;
  if (!prog || !SHELLS.has(prog.slice(prog.lastIndexOf('/') + 1)) || flag !== '-c' || script === undefined || rest.length > 0) return undefined;
  const a = BODY_THEN_SLEEP.exec(script);
  if (a) return loop(a[1], a[2], false);
  const b = SLEEP_THEN_BODY.exec(script);
  if (b) return loop(b[2], b[1], true);
  return undefined;
}

function loop(body: string, seconds: string, sleepsFirst: boolean): ShellLoop | undefined {
  const periodMs = Math.round(Number(seconds) * 1000);
  // `sleep 0` would spin: the shell runs it as fast as it can; the lab does not model that.
  return periodMs > 0 ? { body: body.trim(), periodMs, sleepsFirst } : undefined;
}

/** The container's main process as a loop (entrypoint + cmd, as Docker runs them). */
export function containerLoop(c: ContainerState): ShellLoop | undefined {
  return shellLoopOf([...c.entrypoint, ...c.cmd]);
}
