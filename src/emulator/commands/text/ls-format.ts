/**
 * How `ls` lays out what it lists: columns for a terminal, one name a line
 * for a pipe, and `-l` lines.
 *
 * Columns (GNU ls.c calculate_columns; BusyBox does the same in spirit):
 * names go down the columns first; each column is as wide as its longest
 * name plus two spaces, the last without padding; the most columns that fit
 * the width (80, or $COLUMNS) win.
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

export function columns(names: string[], width: number): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const used = Math.ceil(names.length / rows);
    if (used !== cols && cols > 1) continue;
    const widths: number[] = [];
    for (let c = 0; c < used; c++) {
      const col = names.slice(c * rows, (c + 1) * rows);
      widths.push(Math.max(...col.map((n) => n.length)) + (c < used - 1 ? 2 : 0));
    }
    if (cols > 1 && widths.reduce((a, b) => a + b, 0) > width) continue;
    let out = '';
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let c = 0; c < used; c++) {
        const name = names[c * rows + r];
        if (name !== undefined) cells.push(name.padEnd(widths[c]));
      }
      out += cells.join('').trimEnd() + '\n';
    }
    return out;
  }
  return names.join('\n') + '\n';
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
