/**
 * The dates the servers in the lab's images put at the head of their log
 * lines, from a lab-clock time in ms. The containers run in UTC (no TZ), so
 * their programs' local time is UTC. Shared by startup-logs.ts,
 * shutdown-logs.ts and the lines servers log per request (kernel/http-server.ts).
 */
import type { ContainerState } from './state';
import { findImage } from './images';

/** One line the main process writes (ContainerState.logs). */
export interface LogLine {
  t: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: d.getUTCDate(), h: p2(d.getUTCHours()), mi: p2(d.getUTCMinutes()), s: p2(d.getUTCSeconds()), ms: p3(((ms % 1000) + 1000) % 1000), wd: d.getUTCDay() };
}

/** nginx's `$time_local` in its access log: `12/Jan/2026:09:00:00 +0000`. */
export function nginxTimeLocal(ms: number): string {
  const x = parts(ms);
  return `${p2(x.d)}/${MONTHS[x.mo]}/${x.y}:${x.h}:${x.mi}:${x.s} +0000`;
}

/** nginx's error log (ngx_log_error_core): `2026/01/12 09:00:00`, whole seconds. */
export function nginxDate(ms: number): string {
  const x = parts(ms);
  return `${x.y}/${p2(x.mo + 1)}/${p2(x.d)} ${x.h}:${x.mi}:${x.s}`;
}

/** redis (serverLogRaw): `12 Jan 2026 09:00:00.123`; 3.0 printed no year. */
export function redisDate(ms: number, withYear: boolean): string {
  const x = parts(ms);
  return `${p2(x.d)} ${MONTHS[x.mo]}${withYear ? ` ${x.y}` : ''} ${x.h}:${x.mi}:${x.s}.${x.ms}`;
}

/** Whether the container's redis prints the year: 7 and 8 do, 3.0 did not (the lab has only 3.0.x and latest). */
export function redisLogsYear(c: ContainerState): boolean {
  return !/^3\./.test(findImage(c.image)?.tag ?? '');
}

/** postgres' log_line_prefix `%m` (ms): `2026-01-12 09:00:00.123 UTC`; without ms for the `%s`-style times inside messages. */
export function postgresDate(ms: number, withMs = true): string {
  const x = parts(ms);
  return `${x.y}-${p2(x.mo + 1)}-${p2(x.d)} ${x.h}:${x.mi}:${x.s}${withMs ? `.${x.ms}` : ''} UTC`;
}

/** httpd's error log (log.c, microseconds): `Mon Jan 12 09:00:00.123000 2026`; the lab clock has ms, so the last three digits are 0. */
export function httpdDate(ms: number): string {
  const x = parts(ms);
  return `${DAYS[x.wd]} ${MONTHS[x.mo]} ${p2(x.d)} ${x.h}:${x.mi}:${x.s}.${x.ms}000 ${x.y}`;
}

/**
 * The tid in httpd's `[pid 1:tid N]` for the main thread: recent httpd on
 * Linux logs the kernel's thread id, so PID 1's main thread is 1.
 */
export const HTTPD_MAIN_TID = 1;
