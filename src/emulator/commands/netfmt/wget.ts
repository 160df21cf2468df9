/**
 * BusyBox `wget` (`networking/wget.c`, progress bar from `libbb/progress.c`).
 * Everything here goes to stderr; the body goes to stdout (`-O-`) or a file.
 *
 * Checked against BusyBox 1.35:
 *   Connecting to web (172.17.0.3:80)
 *   writing to stdout                  | saving to 'index.html'
 *   -                    100% |********************************|   615  0:00:00 ETA
 *   written to stdout                  | 'index.html' saved
 * The bar line is "%-20.20s " name, "%3u%% ", "|" + (terminal width − 48)
 * stars + "| ", the size in 5 columns (smart_ulltoa5: `  615`, `1205k`,
 * `92.1M`), then "%3u:%02u:%02u ETA". `-S` prints the response headers
 * indented by two spaces (blank line as two spaces). Errors:
 *   wget: bad address 'nosuch'
 *   wget: can't connect to remote host (172.17.0.3): Connection refused
 *   wget: server returned error: HTTP/1.1 404 Not Found
 *   wget: can't open 'index.html': File exists
 *   wget: download timed out
 * BusyBox asks for `Connection: close` (User-Agent `Wget`).
 */
import { statusLine, type HttpResponseView } from './http-content';
import { ljustCut } from './text';

/** `Connecting to web (172.17.0.3:80)`; `hostArg` as in the URL (`web:8080` when a port was given). */
export function wgetConnecting(hostArg: string, ip: string, port: number): string {
  return `Connecting to ${hostArg} (${ip}:${port})\n`;
}

/** `writing to stdout` for `-O-`, else `saving to 'FILE'`. */
export function wgetSaving(target: string): string {
  return target === '-' ? 'writing to stdout\n' : `saving to '${target}'\n`;
}

/** `written to stdout` / `'FILE' saved`. */
export function wgetDone(target: string): string {
  return target === '-' ? 'written to stdout\n' : `'${target}' saved\n`;
}

/** libbb smart_ulltoa5(): a size in exactly five columns, scaled by 1024 with a unit letter. */
export function smartUlltoa5(n: number): string {
  if (n <= 99999) return String(n).padStart(5, ' ');
  const units = ' kMGTPEZY';
  let scaled = n * 10;
  let idx = 0;
  do {
    scaled = Math.floor(scaled / 1024);
    idx++;
  } while (scaled >= 100000);
  const u = Math.floor(scaled / 10);
  const tenth = scaled % 10;
  if (u >= 100) return `${String(u).padStart(4, ' ')}${units[idx]}`;
  return `${String(u).padStart(2, ' ')}.${tenth}${units[idx]}`;
}

/**
 * The finished progress line (100%, `0:00:00 ETA`). The display name is the
 * saved file's basename, `-` for stdout. `termWidth` is stderr's terminal
 * width (80 when unknown); bars shorter than 3 are not drawn.
 */
export function wgetProgress(name: string, size: number, termWidth = 80): string {
  let s = `${ljustCut(name, 20, 20)} 100% `;
  const bar = Math.min(termWidth - 48, 999);
  if (bar > 2) s += `|${'*'.repeat(bar)}| `;
  return `${s}${smartUlltoa5(size)}  0:00:00 ETA\n`;
}

/** `-S`: the server's status line and headers, indented by two spaces. */
export function wgetServerResponse(r: HttpResponseView): string {
  return [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `  ${l}\n`).join('');
}

/** `--spider` on success. */
export const WGET_SPIDER_OK = 'remote file exists\n';

export function wgetBadAddress(host: string): string {
  return `wget: bad address '${host}'\n`;
}

/** `reason` is strerror's text (see errno.ts: alpine's musl says `Operation timed out`). */
export function wgetCantConnect(ip: string, reason: string): string {
  return `wget: can't connect to remote host (${ip}): ${reason}\n`;
}

export function wgetServerError(r: HttpResponseView): string {
  return `wget: server returned error: ${statusLine(r)}\n`;
}

export function wgetFileExists(file: string): string {
  return `wget: can't open '${file}': File exists\n`;
}

export const WGET_TIMED_OUT = 'wget: download timed out\n';
