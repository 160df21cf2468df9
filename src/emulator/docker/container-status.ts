/**
 * The STATUS text of `docker ps` comes from the daemon (container/state.go
 * State.String): "Up 3 seconds", "Exited (0) 8 seconds ago", "Created";
 * and the lower-case state names of `--filter status=` and inspect.
 */
import type { ContainerState } from './state';
import { humanDuration } from './human-duration';

export function statusText(c: ContainerState, now: number): string {
  if (c.status === 'running') return `Up ${humanDuration(now - c.startedAt)}`;
  if (c.status === 'paused') return `Up ${humanDuration(now - c.startedAt)} (Paused)`;
  if (!c.startedAt) return 'Created';
  if (!c.finishedAt) return '';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedAt)} ago`;
}

/** Values `--filter status=` accepts (container.IsValidStateString). */
export const VALID_STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];
