/**
 * The few printf conversions the real tools use, so that each formatter can
 * cite its C format string and mirror it one conversion at a time.
 */

/** `%-Ns`: left-justify in N columns; longer text is kept whole, as printf does. */
export function ljust(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `%Ns`: right-justify in N columns. */
export function rjust(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}

/** `%-N.Ms`: cut to M characters, then left-justify in N. */
export function ljustCut(text: string, width: number, max: number): string {
  return ljust(text.slice(0, max), width);
}

/**
 * C's `%g` with the default precision of 6 significant digits: 33.3333,
 * 66.6667, 100, 0, 14.2857. iputils prints the packet loss with it.
 */
export function cG(value: number): string {
  if (value === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(value)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = value.toExponential(5).split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[-+]/, '').padStart(2, '0');
    return `${stripZeros(mant)}e${sign}${digits}`;
  }
  return stripZeros(value.toFixed(Math.max(0, 5 - exp)));
}

function stripZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** `%u.%03u` of a microsecond count: BusyBox's way of printing milliseconds. */
export function msFromMicros(us: number): string {
  const u = Math.max(0, Math.round(us));
  return `${Math.floor(u / 1000)}.${String(u % 1000).padStart(3, '0')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function hms(d: Date): string {
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** strftime `%a %b %d %H:%M:%S UTC %Y` in UTC (dig's `;; WHEN:`): `Mon Jan 12 09:00:00 UTC 2026`. */
export function strftimeWhen(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${hms(d)} UTC ${d.getUTCFullYear()}`;
}

/** ctime(3) without its newline, UTC (drill's `;; WHEN:`): `Mon Jan  5 09:00:00 2026`. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${hms(d)} ${d.getUTCFullYear()}`;
}

/** RFC 9110 IMF-fixdate, the HTTP `Date:` / `Last-Modified:` form: `Mon, 12 Jan 2026 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hms(d)} GMT`;
}
