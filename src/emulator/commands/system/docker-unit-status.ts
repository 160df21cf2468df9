/**
 * `systemctl status docker` (systemd 252, Debian 12's docker-ce unit): the
 * unit's state since its last start or failure, its main process, and the
 * last 10 journal lines of the unit (docker/daemon-log.ts), as systemctl
 * prints them after a blank line:
 *
 *   ● docker.service - Docker Application Container Engine
 *        Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)
 *        Active: active (running) since Mon 2026-01-12 09:00:00 UTC; 5min ago
 *   TriggeredBy: ● docker.socket
 *          Docs: https://docs.docker.com
 *      Main PID: 812 (dockerd)
 *   ...
 *
 * The relative time is systemd's format_timestamp_relative ("5s ago",
 * "1min 3s ago", "2h 5min ago"). Tasks, Memory and CPU are a plausible idle
 * dockerd's (NOT FOUND for this lab: there is no process accounting).
 */
import type { DockerState } from '../../docker/state';
import { DOCKERD_PID } from '../../docker/daemon-log';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EXEC = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `Mon 2026-01-12 09:00:00 UTC` */
function timestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** format_timestamp_relative: the two largest units, then " ago". */
export function relativeAgo(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, string][] = [[Math.floor(s / 86400), 'day'], [Math.floor((s % 86400) / 3600), 'h'], [Math.floor((s % 3600) / 60), 'min'], [s % 60, 's']];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0s ago';
  const shown = parts.slice(first, first + 2).filter(([n]) => n > 0);
  return `${shown.map(([n, u]) => (u === 'day' ? `${n} day${n === 1 ? '' : 's'}` : `${n}${u}`)).join(' ')} ago`;
}

function journalStamp(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function lastLine(docker: DockerState, prefix: string): { t: number; line: string } | undefined {
  for (let i = docker.journal.length - 1; i >= 0; i--) if (docker.journal[i].line.startsWith(prefix)) return docker.journal[i];
  return undefined;
}

export function dockerUnitStatus(docker: DockerState, machine: string, now: number): string {
  const lines: string[] = [];
  const failed = lastLine(docker, 'systemd[1]: Failed to start docker.service');
  const failedPid = failed && /dockerd\[(\d+)\]/.exec(docker.journal.filter((l) => l.t === failed.t && l.line.startsWith('dockerd[')).pop()?.line ?? '')?.[1];
  if (docker.running) {
    const since = lastLine(docker, 'systemd[1]: Started docker.service')?.t ?? now;
    lines.push('● docker.service - Docker Application Container Engine', '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      `     Active: active (running) since ${timestamp(since)}; ${relativeAgo(now - since)}`, 'TriggeredBy: ● docker.socket', '       Docs: https://docs.docker.com',
      `   Main PID: ${DOCKERD_PID} (dockerd)`, '      Tasks: 9', '     Memory: 35.4M', '        CPU: 1.203s', '     CGroup: /system.slice/docker.service', `             └─${DOCKERD_PID} ${EXEC}`);
  } else if (failed) {
    lines.push('× docker.service - Docker Application Container Engine', '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      `     Active: failed (Result: exit-code) since ${timestamp(failed.t)}; ${relativeAgo(now - failed.t)}`, 'TriggeredBy: × docker.socket', '       Docs: https://docs.docker.com',
      `    Process: ${failedPid} ExecStart=${EXEC} (code=exited, status=1/FAILURE)`, `   Main PID: ${failedPid} (code=exited, status=1/FAILURE)`, '        CPU: 54ms');
  } else {
    const stopped = lastLine(docker, 'systemd[1]: Stopped docker.service')?.t ?? now;
    lines.push('○ docker.service - Docker Application Container Engine', '     Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)',
      `     Active: inactive (dead) since ${timestamp(stopped)}; ${relativeAgo(now - stopped)}`, 'TriggeredBy: ● docker.socket', '       Docs: https://docs.docker.com',
      `    Process: ${DOCKERD_PID} ExecStart=${EXEC} (code=exited, status=0/SUCCESS)`, `   Main PID: ${DOCKERD_PID} (code=exited, status=0/SUCCESS)`, '        CPU: 1.247s');
  }
  const tail = docker.journal.slice(-10).map((l) => `${journalStamp(l.t)} ${machine} ${l.line}`);
  return [...lines, '', ...tail, ''].join('\n');
}
