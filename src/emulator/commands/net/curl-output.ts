/**
 * The parts of curl's output the netfmt formatters do not cover: the
 * progress meter (`src/tool_progress.c` layout of curl 7.88, shown on stderr
 * when the body goes to a file), `-w` variables, and the error lines for
 * failures outside the formatter's set. The progress meter is printed in its
 * final state only (the intermediate `\r` updates of a real transfer would
 * all fit in the same millisecond here).
 */
import type { HttpResponseView } from '../netfmt/index';

/** curl's max5data(): a size in 5 columns. */
export function max5(n: number): string {
  const v = Math.floor(n);
  if (v < 100000) return String(v).padStart(5);
  if (v < 10000 * 1024) return `${Math.floor(v / 1024)}k`.padStart(5);
  if (v < 100 * 1024 * 1024) {
    const m = v / (1024 * 1024);
    return `${m.toFixed(m < 10 ? 1 : 0)}M`.padStart(5);
  }
  return `${Math.floor(v / (1024 * 1024))}M`.padStart(5);
}

export const PROGRESS_HEADER =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** The finished progress line for a download of `size` bytes that took `ms`. */
export function progressLine(size: number, ms: number): string {
  const speed = size === 0 ? 0 : size / Math.max(ms / 1000, 0.001);
  const pct = size === 0 ? '  0' : '100';
  // "%3s %s  %3s %s  %3s %s  %s  %s %s %s %s %s": percentages, sizes, speeds, three times, current speed.
  return `\r${pct} ${max5(size)}  ${pct} ${max5(size)}    0 ${max5(0)}  ${max5(speed)}  ${max5(0)} --:--:-- --:--:-- --:--:-- ${max5(speed)}\n`;
}

export interface WriteOutInfo {
  response?: HttpResponseView;
  url: string;
  ip?: string;
  port?: number;
  totalMs: number;
  sizeDownload: number;
}

/** `-w`: `%{http_code}` and friends, `\n`, `\t`, `%%`. Unknown variables are printed as nothing, with a warning. */
export function writeOut(format: string, info: WriteOutInfo, warn: (t: string) => void): string {
  const vars: Record<string, string> = {
    http_code: String(info.response?.status ?? 0).padStart(3, '0'),
    response_code: String(info.response?.status ?? 0).padStart(3, '0'),
    remote_ip: info.ip ?? '',
    remote_port: info.port ? String(info.port) : '',
    url_effective: info.url,
    size_download: String(info.sizeDownload),
    time_total: (info.totalMs / 1000).toFixed(6),
    content_type: info.response?.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '',
    http_version: info.response ? (info.response.httpVersion === '1.0' ? '1' : '1.1') : '0',
  };
  return format
    .replace(/%\{([a-z_]+)\}|%%|\\n|\\t|\\r/g, (m, name: string | undefined) => {
      if (m === '%%') return '%';
      if (m === '\\n') return '\n';
      if (m === '\\t') return '\t';
      if (m === '\\r') return '\r';
      if (name && name in vars) return vars[name];
      warn(`curl: unknown --write-out variable: '${name}'\n`);
      return '';
    });
}

/** Where a Location header leads from `base` (absolute, or a path on the same origin). */
export function followLocation(base: { scheme: string; host: string; port: number; explicitPort: boolean }, location: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  const origin = `${base.scheme}://${base.host}${base.explicitPort ? `:${base.port}` : ''}`;
  return location.startsWith('/') ? origin + location : `${origin}/${location}`;
}
