/**
 * curl's command line: short options may be bundled (`-fsSL`, `-so FILE`),
 * an option that takes a value takes the rest of the bundle or the next
 * word, long options take `--opt value` or `--opt=value`. The texts of the
 * usage errors are curl 7.88's (`src/tool_getparam.c`, `tool_helpers.c`).
 */

export interface CurlArgs {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  location: boolean;
  output?: string;
  remoteName: boolean;
  maxTimeS?: number;
  connectTimeoutS?: number;
  method?: string;
  headers: string[];
  data?: string;
  userAgent?: string;
  writeOut?: string;
}

export type CurlArgsResult = { ok: true; args: CurlArgs } | { ok: false; stderr: string; status: number };

const SHORT_FLAGS: Record<string, keyof CurlArgs> = {
  s: 'silent', S: 'showError', v: 'verbose', I: 'head', i: 'include', f: 'fail', L: 'location', O: 'remoteName',
};
const SHORT_VALUES: Record<string, string> = { o: 'output', m: 'max-time', X: 'request', H: 'header', d: 'data', A: 'user-agent', w: 'write-out', e: 'referer', u: 'user' };
const LONG_FLAGS: Record<string, keyof CurlArgs | null> = {
  silent: 'silent', 'show-error': 'showError', verbose: 'verbose', head: 'head', include: 'include', fail: 'fail',
  location: 'location', 'remote-name': 'remoteName', insecure: null, compressed: null, 'no-progress-meter': null, http1: null, 'http1.1': null, ipv4: null,
};
const LONG_VALUES = new Set(['output', 'max-time', 'connect-timeout', 'request', 'header', 'data', 'data-raw', 'user-agent', 'write-out', 'referer', 'user', 'retry', 'resolve', 'cacert']);
const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function number(name: string, v: string): number | string {
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : `curl: option --${name}: expected a proper numerical parameter\n${TRY}`;
}

function setValue(a: CurlArgs, name: string, v: string): string | undefined {
  switch (name) {
    case 'output':
      a.output = v;
      return;
    case 'max-time':
    case 'connect-timeout': {
      const n = number(name, v);
      if (typeof n === 'string') return n;
      if (name === 'max-time') a.maxTimeS = n;
      else a.connectTimeoutS = n;
      return;
    }
    case 'request':
      a.method = v;
      return;
    case 'header':
      a.headers.push(v);
      return;
    case 'data':
    case 'data-raw':
      a.data = v;
      return;
    case 'user-agent':
      a.userAgent = v;
      return;
    case 'write-out':
      a.writeOut = v;
      return;
    default:
      return;
  }
}

function unknown(opt: string): CurlArgsResult {
  return { ok: false, stderr: `curl: option ${opt}: is unknown\n${TRY}`, status: 2 };
}

function needsArg(opt: string): CurlArgsResult {
  return { ok: false, stderr: `curl: option ${opt}: requires parameter\n${TRY}`, status: 2 };
}

export function parseCurlArgs(argv: string[]): CurlArgsResult {
  const a: CurlArgs = { urls: [], silent: false, showError: false, verbose: false, head: false, include: false, fail: false, location: false, remoteName: false, headers: [] };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i];
    if (w.startsWith('--') && w.length > 2) {
      const eq = w.indexOf('=');
      const name = eq > 0 ? w.slice(2, eq) : w.slice(2);
      if (name in LONG_FLAGS) {
        const key = LONG_FLAGS[name];
        if (key) (a[key] as boolean) = true;
        continue;
      }
      if (!LONG_VALUES.has(name)) return unknown(w);
      const v = eq > 0 ? w.slice(eq + 1) : argv[++i];
      if (v === undefined) return needsArg(w);
      const err = setValue(a, name, v);
      if (err) return { ok: false, stderr: err, status: 2 };
    } else if (w.startsWith('-') && w.length > 1) {
      for (let j = 1; j < w.length; j++) {
        const ch = w[j];
        if (SHORT_FLAGS[ch]) {
          (a[SHORT_FLAGS[ch]] as boolean) = true;
          continue;
        }
        if (ch === 'k' || ch === '4' || ch === 'N' || ch === '#') continue;
        const long = SHORT_VALUES[ch];
        if (!long) return unknown(`-${ch}`);
        const v = j + 1 < w.length ? w.slice(j + 1) : argv[++i];
        if (v === undefined) return needsArg(`-${ch}`);
        const err = setValue(a, long, v);
        if (err) return { ok: false, stderr: err, status: 2 };
        break;
      }
    } else a.urls.push(w);
  }
  if (!a.urls.length) return { ok: false, stderr: TRY, status: 2 };
  return { ok: true, args: a };
}
