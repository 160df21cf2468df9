/**
 * How `ls` lays out what it lists: columns for a terminal, one name a line
 * for a pipe, and `-l` lines.
 *
 * Columns (GNU ls.c; BusyBox does the same in spirit): names go down the
 * columns first; the width is 80, or $COLUMNS.
 *
 * `-l`: the virtual fs keeps no owners, modes or times, so every entry is
 * root's, directories are `drwxr-xr-x` (/tmp `drwxrwxrwt`, /root
 * `drwx------`), files `-rw-r--r--`, and the time is the lab's start
 * (LAB_EPOCH_MS, 2026-01-12 09:00). GNU aligns nlink and size to the widest
 * in the listing; BusyBox prints `%4u %-8s %-8s %9llu` (coreutils/ls.c).
 */

export interface Entry {
  name: string;
  isDir: boolean;
  /** Bytes (4096 for a directory). */
  size: number;
  /** Hard links: 1 for a file, 2 + subdirectories for a directory. */
  nlink: number;
  /** The absolute path, for the special modes of /tmp and /root. */
  path: string;
}

/** The lab's start time as `ls -l` prints a recent date. */
export const LS_TIME = 'Jan 12 09:00';

/**
 * Pads from column `from` to `to` as GNU ls's indent() does with its
 * default tab size of 8: a tab whenever one lands before `to`.
 */
function indent(from: number, to: number, tabs: boolean): string {
  let out = '';
  while (from < to) {
    if (tabs && Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/**
 * Names in columns, as GNU ls's calculate_columns() and
 * print_many_per_line() do: every column is at least 3 wide and, except the
 * last possible one, its longest name plus 2; the most columns whose total
 * stays under the width win. GNU pads with tabs (coreutils 9.1 prints them),
 * BusyBox with spaces.
 */
export function columns(names: string[], width: number, tabs = false): string {
  const n = names.length;
  if (n === 0) return '';
  let cols = Math.min(n, Math.max(1, Math.floor(width / 3)));
  let widths = columnWidths(names, cols);
  while (cols > 1 && widths.reduce((a, b) => a + b, 0) >= width) widths = columnWidths(names, --cols);
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let f = r, c = 0; ; f += rows, c++) {
      out += names[f];
      if (f + rows >= n) break;
      out += indent(pos + names[f].length, pos + widths[c], tabs);
      pos += widths[c];
    }
    out += '\n';
  }
  return out;
}

function columnWidths(names: string[], cols: number): number[] {
  const rows = Math.ceil(names.length / cols);
  const widths = new Array<number>(cols).fill(3); // MIN_COLUMN_WIDTH
  names.forEach((name, f) => {
    const c = Math.floor(f / rows);
    widths[c] = Math.max(widths[c], name.length + (c === cols - 1 ? 0 : 2));
  });
  return widths;
}

export function modeOf(e: Entry): string {
  if (!e.isDir) return '-rw-r--r--';
  if (e.path === '/tmp') return 'drwxrwxrwt';
  if (e.path === '/root') return 'drwx------';
  return 'drwxr-xr-x';
}

/** `ls -lh` sizes: 4.0K, 12K, 1.5M (GNU rounds up). */
export function humanSize(n: number): string {
  const units = ['K', 'M', 'G'];
  if (n < 1024) return String(n);
  let v = n;
  for (const u of units) {
    v /= 1024;
    if (v < 1024 || u === 'G') return v < 10 ? (Math.ceil(v * 10) / 10).toFixed(1) + u : Math.ceil(v) + u;
  }
  return String(n);
}

export function longLines(entries: Entry[], gnu: boolean, human: boolean): string {
  const size = (e: Entry) => (human ? humanSize(e.size) : String(e.size));
  if (!gnu) {
    return entries
      .map((e) => `${modeOf(e)} ${String(e.nlink).padStart(4)} ${'root'.padEnd(8)} ${'root'.padEnd(8)} ${size(e).padStart(9)} ${LS_TIME} ${e.name}\n`)
      .join('');
  }
  const wl = Math.max(...entries.map((e) => String(e.nlink).length));
  const ws = Math.max(...entries.map((e) => size(e).length));
  return entries
    .map((e) => `${modeOf(e)} ${String(e.nlink).padStart(wl)} root root ${size(e).padStart(ws)} ${LS_TIME} ${e.name}\n`)
    .join('');
}

/** `total N`: 1K blocks, a file taking whole 4K blocks, a directory one. */
export function totalBlocks(entries: Entry[]): number {
  return entries.reduce((n, e) => n + (e.isDir ? 4 : Math.ceil(e.size / 4096) * 4), 0);
}
