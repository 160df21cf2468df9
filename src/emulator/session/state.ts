/**
 * The terminal session: a stack of shells. The bottom one is the host's
 * login shell; `docker exec -it`, `docker run -it`, `docker attach` and
 * `ssh` push a shell, `exit` (or Ctrl-P Ctrl-Q for an attached container)
 * pops it. Plain data, part of the snapshot.
 */
import type { ShellState } from '../shell/runtime';

export type FrameKind = 'login' | 'ssh' | 'exec' | 'attach';

export interface ShellFrame {
  kind: FrameKind;
  machine: string;
  /** Set when the shell runs inside a container. */
  containerId?: string;
  shell: ShellState;
  cwd: string;
  /** The shell's program (`sh`, `/bin/sh`, `bash`) as its messages name it. */
  argv0: string;
  /** A shell started by `nsenter -n`: the network namespace it entered (else the host's or the container's). */
  netnsId?: string;
  /** `docker exec -it` shell: its exec ID, for the `exec_die` event when it exits (docker/events.ts). */
  execId?: string;
}

export interface SessionState {
  stack: ShellFrame[];
  history: string[];
  /** The login shell was exited (the REPL ends). */
  loggedOut: boolean;
}
