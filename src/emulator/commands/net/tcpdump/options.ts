/**
 * tcpdump's command line (tcpdump.c main, getopt with
 * "aAbB:c:C:dDeE:fF:G:hHi:IjJ:KlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#"):
 * flags may be grouped (`-nnvv`, `-Xvv`), option values attached or
 * separate (`-c5`, `-c 5`), and everything after the options is the filter,
 * joined by spaces.
 */

export interface TcpdumpOptions {
  iface?: string;
  count?: number;
  /** -n (given once or more): no host names, no port names. */
  numeric: boolean;
  ether: boolean;
  verbose: number;
  /** -X: hex and ASCII. */
  hex: boolean;
  /** -x: hex only; -A: ASCII only (the last of -x/-X/-A given wins, as in tcpdump). */
  dump?: 'x' | 'A';
  quick: boolean;
  /** -t count: 0 time of day, 1 none (-t), 2 epoch (-tt), 3 delta (-ttt), 4 date and time (-tttt), 5 since the first (-ttttt). */
  tstamp: number;
  /** -S: absolute TCP sequence numbers. */
  absoluteSeq: boolean;
  /** -Q in|out|inout: which direction of the interface to capture. */
  direction?: 'in' | 'out' | 'inout';
  /** --number: each line starts with the packet's number. */
  number?: boolean;
  /** --nano / --time-stamp-precision=nano: nanosecond time stamps. */
  nano?: boolean;
  /** -D: list the devices and exit. */
  listDevices?: boolean;
  /** -p: do not put the interface into promiscuous mode. */
  noPromisc: boolean;
  filter: string;
}

export type ParsedOptions = { ok: true; options: TcpdumpOptions } | { ok: false; stderr: string; status: number };

/** Debian 12's packages (tcpdump 4.99.3, libpcap 1.10.3); netshoot ships the same major versions. */
export const TCPDUMP_USAGE = [
  'tcpdump version 4.99.3',
  'libpcap version 1.10.3 (with TPACKET_V3)',
  'OpenSSL 3.0.15 3 Sep 2024',
  'Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]',
  '\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]',
  '\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]',
  '\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]',
  '\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]',
  '\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]',
  '\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]',
  '\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]',
  '',
].join('\n');

/** Flags without a value that the model honours or may safely ignore (-l line-buffered, -S, -t variants are not modelled). */
const SIMPLE = new Set(['n', 'e', 'v', 'X', 'x', 'q', 'l', 'p', 'N', 'S', 'U', 'K', 'O', 'A', 'D', 't']);
const WITH_VALUE = new Set(['i', 'c', 's', 'B', 'Q']);

function fail(text: string, status = 1): ParsedOptions {
  return { ok: false, stderr: text, status };
}

export function parseTcpdumpArgs(args: string[]): ParsedOptions {
  const o: TcpdumpOptions = { numeric: false, ether: false, verbose: 0, hex: false, quick: false, noPromisc: false, filter: '', tstamp: 0, absoluteSeq: false };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a === '--version') return fail(TCPDUMP_USAGE.split('\n').slice(0, 3).join('\n') + '\n', 0);
    if (a === '--help' || a === '-h') return fail(TCPDUMP_USAGE, 0);
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
      const needsValue = LONG_WITH_VALUE[name];
      const value = needsValue ? (inline ?? args[++i]) : undefined;
      if (needsValue && value === undefined) return fail(`tcpdump: option '--${name}' requires an argument\n${TCPDUMP_USAGE}`);
      const bad = applyLong(o, name, value);
      if (bad) return fail(bad);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (WITH_VALUE.has(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return fail(`tcpdump: option requires an argument -- '${f}'\n${TCPDUMP_USAGE}`);
        const bad = applyValue(o, f, value);
        if (bad) return fail(bad);
        break;
      }
      if (!SIMPLE.has(f)) return fail(`tcpdump: invalid option -- '${f}'\n${TCPDUMP_USAGE}`);
      applyFlag(o, f);
    }
  }
  o.filter = rest.join(' ');
  return { ok: true, options: o };
}

/** getopt_long's table (tcpdump.c longopts), the options the lab honours; their short forms where they have one. */
const LONG_WITH_VALUE: Record<string, string> = { interface: 'i', direction: 'Q', 'time-stamp-precision': '' };
const LONG_FLAGS: Record<string, string> = { 'list-interfaces': 'D', 'immediate-mode': '', print: '', number: '', micro: '', nano: '' };

function applyLong(o: TcpdumpOptions, name: string, value: string | undefined): string | undefined {
  const short = LONG_WITH_VALUE[name] ?? LONG_FLAGS[name];
  if (short === undefined) return `tcpdump: unrecognized option '--${name}'\n${TCPDUMP_USAGE}`;
  if (short && value !== undefined) return applyValue(o, short, value);
  if (short) applyFlag(o, short);
  if (name === 'number') o.number = true;
  if (name === 'nano' || (name === 'time-stamp-precision' && value === 'nano')) o.nano = true;
  // tcpdump.c: tstamp_precision_from_string() knows "micro" and "nano" only.
  if (name === 'time-stamp-precision' && value !== 'micro' && value !== 'nano') return `tcpdump: unsupported time stamp precision\n`;
  return undefined;
}

function applyValue(o: TcpdumpOptions, f: string, value: string): string | undefined {
  if (f === 'i') o.iface = value;
  if (f === 'Q') {
    if (value !== 'in' && value !== 'out' && value !== 'inout') return `tcpdump: unknown capture direction '${value}'\n`;
    o.direction = value;
  }
  if (f === 'c') {
    // tcpdump.c: count = strtol(optarg, &end, 0); a bad or non-positive count is refused.
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n <= 0) return `tcpdump: invalid packet count ${value}\n`;
    o.count = n;
  }
  if (f === 's' && !/^\d+$/.test(value)) return `tcpdump: invalid snaplen ${value}\n`;
  return undefined;
}

function applyFlag(o: TcpdumpOptions, f: string): void {
  if (f === 'n') o.numeric = true;
  else if (f === 'e') o.ether = true;
  else if (f === 'v') o.verbose++;
  else if (f === 'X') {
    o.hex = true;
    o.dump = undefined;
  } else if (f === 'x' || f === 'A') {
    o.hex = false;
    o.dump = f;
  }
  else if (f === 'q') o.quick = true;
  else if (f === 'p') o.noPromisc = true;
  else if (f === 'D') o.listDevices = true;
  else if (f === 't') o.tstamp = Math.min(5, o.tstamp + 1);
  else if (f === 'S') o.absoluteSeq = true;
}
