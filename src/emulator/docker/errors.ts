/**
 * Daemon errors are values, not exceptions: the CLI prints them as
 * `Error response from daemon: <message>` (moby client/request.go).
 */
export interface DaemonError {
  daemonError: string;
}

export function daemonError(message: string): DaemonError {
  return { daemonError: message };
}

export function isDaemonError(v: unknown): v is DaemonError {
  return typeof v === 'object' && v !== null && 'daemonError' in v;
}
