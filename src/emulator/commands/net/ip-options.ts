/**
 * The options before `ip`'s object. iproute2 (ip/ip.c main) takes any
 * prefix of an option's name, tested in its order (`-s` is -stats, `-d`
 * -details, `-j` -json, `-p` -pretty, `-br` -brief, `-o` -oneline; `--json`
 * works too) and stops at "Option "-x" is unknown, try "ip -help"." (exit
 * 255). BusyBox's applet (networking/ip.c ip_parse_common_args) knows only
 * -family, -4, -6, -0 and -oneline: anything else, -s, -d and -j included,
 * prints its usage and exits 1. (-brief is not BusyBox's either; the lab
 * keeps accepting it there, as before.)
 *
 * Options after the object are iproute2 errors; the lab has always taken
 * -4/-6/-br/-o there too (`ip a -4`), and still does.
 */
import type { IpFlavor } from '../netfmt/types';

export interface IpOptions {
  family?: 4 | 6;
  brief: boolean;
  /** `-o` / `-oneline`: one record per line (ip-oneline.ts). */
  oneline: boolean;
  /** `-s`, repeatable (`-s -s` asks for the error details, which the lab does not print). */
  stats: number;
  details: boolean;
  json: boolean;
  pretty: boolean;
  /** The object and its arguments. */
  rest: string[];
}

export type IpOptionsResult = { ok: true; opts: IpOptions } | { ok: false; stderr: string; status: number };

const BUSYBOX_USAGE =
  'BusyBox v1.37.0 (2025-05-26 20:04:45 UTC) multi-call binary.\n\n' +
  'Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n' +
  'OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n\n' +
  'ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]\n' +
  'ip route list|flush|add|del|change|append|replace|test ROUTE\n' +
  'ip link set IFACE [up|down] [arp on|off] [multicast on|off]\n' +
  '\t[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]\n' +
  '\t[master IFACE | nomaster] [netns PID]\n' +
  'ip tunnel add|change|del|show [NAME]\n' +
  '\t[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]\n' +
  'ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]\n' +
  'ip rule [list] | add|del SELECTOR ACTION\n';

/** iproute2's matches(): `opt` is a non-empty prefix of `name`. */
function matches(opt: string, name: string): boolean {
  return opt.length > 1 && name.startsWith(opt);
}

type Setter = (o: IpOptions) => void;

/** iproute2's options in ip.c's order (first match wins); the lab ignores the cosmetic ones (-color, -human, -iec, -resolve). */
const IPROUTE2: [string[], Setter][] = [
  [['-human', '-human-readable'], () => {}],
  [['-iec'], () => {}],
  [['-stats', '-statistics'], (o) => o.stats++],
  [['-details'], (o) => (o.details = true)],
  [['-resolve'], () => {}],
  [['-oneline'], (o) => (o.oneline = true)],
  [['-brief'], (o) => (o.brief = true)],
  [['-json'], (o) => (o.json = true)],
  [['-pretty'], (o) => (o.pretty = true)],
  [['-color', '-colour'], () => {}],
];

function familyWord(word: string | undefined): 4 | 6 | undefined {
  return word === 'inet' ? 4 : word === 'inet6' ? 6 : undefined;
}

/** Leading options; then the lab's lenient ones anywhere after the object. */
export function parseIpOptions(argv: string[], flavor: IpFlavor): IpOptionsResult {
  const o: IpOptions = { brief: false, oneline: false, stats: 0, details: false, json: false, pretty: false, rest: [] };
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    const raw = argv[i];
    const opt = raw.startsWith('--') ? raw.slice(1) : raw;
    if (opt === '-4' || opt === '-6') o.family = opt === '-4' ? 4 : 6;
    else if (opt === '-0') continue;
    else if (matches(opt, '-family')) o.family = familyWord(argv[++i]);
    else if (flavor === 'busybox') {
      if (matches(opt, '-oneline')) o.oneline = true;
      else if (opt === '-br' || opt === '-brief') o.brief = true;
      else return { ok: false, stderr: BUSYBOX_USAGE, status: 1 };
    } else {
      const known = IPROUTE2.find(([names]) => names.some((n) => matches(opt, n)));
      if (!known) return { ok: false, stderr: `Option "${raw}" is unknown, try "ip -help".\n`, status: 255 };
      known[1](o);
    }
  }
  for (const a of argv.slice(i)) {
    if (a === '-4') o.family = 4;
    else if (a === '-6') o.family = 6;
    else if (a === '-br' || a === '-brief') o.brief = true;
    else if (a === '-o' || a === '-oneline') o.oneline = true;
    else o.rest.push(a);
  }
  return { ok: true, opts: o };
}
