/**
 * `mtr --report` (mtr 0.95, report.c) as published reports show it:
 *
 *   Start: 2026-01-12T09:00:00+0000
 *   HOST: 3f2a1c0b9d8e                Loss%   Snt   Last   Avg  Best  Wrst StDev
 *     1.|-- 172.18.0.1                 0.0%    10    0.1   0.1   0.1   0.1   0.0
 *     2.|-- ???                       100.0    10    0.0   0.0   0.0   0.0   0.0
 *
 * The host column is 25 wide after `  N.|-- ` (names are cut to fit unless
 * --report-wide); Loss% is right-aligned in 6 (a full loss prints `100.0`,
 * the % no longer fitting), then Snt (6), Last (7), Avg, Best, Wrst and
 * StDev (6 each), milliseconds with one decimal.
 */

export interface MtrHop {
  /** The address (or name) that answered for this TTL; undefined: no answer at all (`???`). */
  host?: string;
  sent: number;
  /** Round-trip times of the answers, in ms. */
  rtts: number[];
  /** The RTT of the last probe (0 when it got no answer). */
  last: number;
}

const f1 = (n: number, w: number): string => n.toFixed(1).padStart(w);

function stdev(xs: number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
}

export function mtrReport(start: string, hostname: string, hops: readonly MtrHop[], wide = false): string {
  const width = wide ? Math.max(25, ...hops.map((h) => (h.host ?? '???').length)) : 25;
  const lines = [`Start: ${start}`, `HOST: ${hostname.padEnd(width + 2).slice(0, wide ? undefined : 27)} Loss%   Snt   Last   Avg  Best  Wrst StDev`];
  hops.forEach((h, i) => {
    const got = h.rtts.length;
    const lossPct = h.sent ? ((h.sent - got) / h.sent) * 100 : 0;
    const loss = lossPct >= 100 ? '100.0' : `${lossPct.toFixed(1)}%`;
    const avg = got ? h.rtts.reduce((a, b) => a + b, 0) / got : 0;
    const best = got ? Math.min(...h.rtts) : 0;
    const worst = got ? Math.max(...h.rtts) : 0;
    const name = (h.host ?? '???').padEnd(width).slice(0, width);
    lines.push(`${String(i + 1).padStart(3)}.|-- ${name}${loss.padStart(6)}${String(h.sent).padStart(6)}${f1(h.last, 7)}${f1(avg, 6)}${f1(best, 6)}${f1(worst, 6)}${f1(stdev(h.rtts), 6)}`);
  });
  return lines.join('\n') + '\n';
}
