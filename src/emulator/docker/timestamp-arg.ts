/**
 * The time arguments of `--since`, `--until` and `until=` filters, read as
 * the client reads them (moby api/types/time GetTimestamp): a Go duration
 * before now (`10m`, `1h30m`), a Unix time (`1768208400`, with an optional
 * fraction), or an RFC 3339 date or date-time. Anything else is refused with
 * `failed to parse value as time or duration: "<value>"`.
 */

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** time.ParseDuration, in milliseconds; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (!m) return text === '0' ? 0 : undefined;
  let total = 0;
  for (const part of text.replace(/^[+-]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * UNITS[part[2]];
  }
  return m[1] === '-' ? -total : total;
}

/** GetTimestamp, in ms since the epoch, or the client's error text. */
export function getTimestamp(value: string, now: number): number | string {
  const d = value !== '0' ? parseGoDuration(value) : undefined;
  if (d !== undefined) return now - d;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    // The lab's hosts run in UTC: a time without a zone is UTC.
    const zoned = /([zZ]|[+-]\d\d:\d\d)$/.test(value) || !value.includes('T');
    const t = Date.parse(zoned ? value : `${value}Z`);
    if (!Number.isNaN(t)) return t;
  }
  return `failed to parse value as time or duration: "${value}"`;
}
