/**
 * Times as journalctl's --since/--until read them (systemd.time(7),
 * parse_timestamp): `2026-01-12 09:00:00` (seconds and time optional),
 * `09:00` (today), `today`, `yesterday`, `tomorrow`, `now`, and relative
 * spans — `-5min`, `+1h`, `5min ago`, `1 hour ago`. The hosts run in UTC.
 * Undefined when systemd would say `Failed to parse timestamp: …`.
 */

const UNIT_MS: [RegExp, number][] = [
  [/^(us|usec)$/, 0.001], [/^(ms|msec)$/, 1], [/^(s|sec|second|seconds)$/, 1000], [/^(m|min|minute|minutes)$/, 60000],
  [/^(h|hr|hour|hours)$/, 3600000], [/^(d|day|days)$/, 86400000], [/^(w|week|weeks)$/, 604800000],
];

function span(text: string): number | undefined {
  let total = 0;
  let any = false;
  for (const m of text.trim().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)) {
    const unit = UNIT_MS.find(([re]) => re.test(m[2]));
    if (!unit) return undefined;
    total += Number(m[1]) * unit[1];
    any = true;
  }
  const rebuilt = text.replace(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g, '').trim();
  return any && rebuilt === '' ? total : undefined;
}

function midnight(ms: number): number {
  return ms - (ms % 86400000);
}

export function parseSystemdTime(value: string, now: number): number | undefined {
  const v = value.trim();
  const named: Record<string, number> = { now, today: midnight(now), yesterday: midnight(now) - 86400000, tomorrow: midnight(now) + 86400000 };
  if (v in named) return named[v];
  if (v.endsWith(' ago')) {
    const s = span(v.slice(0, -4));
    return s === undefined ? undefined : now - s;
  }
  if (v.startsWith('-') || v.startsWith('+')) {
    const s = span(v.slice(1));
    return s === undefined ? undefined : v.startsWith('-') ? now - s : now + s;
  }
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?\s*(?:(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m || (!m[1] && !m[4])) return undefined;
  const day = m[1] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : midnight(now);
  return day + (m[4] ? (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) * 1000 : 0);
}
