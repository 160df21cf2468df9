/**
 * iproute2 `misc/ss.c`'s column renderer (render_calc_width + render), which
 * decides every space `ss` prints.
 *
 * Each column has an alignment and a left delimiter. A column's width is the
 * longest field in it (plus its delimiter, except for the first column);
 * when stdout is a terminal the leftover screen width is then spread over
 * the columns. When it is not (a pipe), the output stays compact.
 *
 * One quirk is kept on purpose: ss measures a field when it moves past it,
 * and it never moves past the last row's process field ("users:(...)"), so
 * that field does not widen its column. With one socket the `Process`
 * header is therefore not padded; with several, the header and shorter
 * rows are padded to the longest process field of the rows before the last.
 * (Observed with iproute2 6.1: `ss -tlnp` with one listener vs two.)
 */

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align: Align;
  ldelim: string;
  disabled?: boolean;
}

/**
 * Renders a header row plus data rows. `rows[i][c]` is the field of column c
 * (disabled columns are skipped). `unmeasured` names the column index whose
 * field in the last row does not count for widths (ss's COL_EXT).
 */
export function renderColumns(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  opts: { screenWidth?: number; unmeasured?: number; header?: boolean },
): string {
  const all = opts.header === false ? rows : [columns.map((c) => c.header), ...rows];
  const maxLen = columns.map((c, ci) => {
    if (c.disabled) return 0;
    let m = 0;
    all.forEach((row, ri) => {
      const lastDataRow = rows.length > 0 && ri === all.length - 1;
      if (lastDataRow && ci === opts.unmeasured) return;
      m = Math.max(m, (row[ci] ?? '').length);
    });
    return m;
  });
  const widths = calcWidths(columns, maxLen, opts.screenWidth);
  return all.map((row) => renderRow(columns, widths, row)).join('');
}

function calcWidths(columns: readonly Column[], maxLen: number[], screenWidth?: number): number[] {
  const screen = screenWidth ?? Number.MAX_SAFE_INTEGER;
  let first = true;
  const widths = columns.map((c, i) => {
    if (c.disabled) return 0;
    let w = !first && maxLen[i] ? maxLen[i] + c.ldelim.length : maxLen[i];
    w = Math.min(w, screen);
    if (w) first = false;
    return w;
  });
  if (screenWidth !== undefined) spread(widths, screenWidth);
  return widths;
}

/** Second pass of render_calc_width(): line breaks and leftover spacing. */
function spread(widths: number[], screen: number): void {
  let len = 0;
  let linecols = 0;
  let eol = -1;
  for (let c = 0; c < widths.length; c++) {
    if (!widths[c]) continue;
    linecols++;
    len += widths[c];
    const last = !widths.slice(c + 1).some((w) => w > 0);
    if (!last && len < screen) continue;
    if (len !== screen) {
      if (len > screen) {
        len -= widths[c];
        c--;
        linecols--;
      }
      const pad = screen - len;
      const spacing = Math.floor(pad / linecols);
      let rem = pad % linecols;
      for (let t = c; t > eol; t--) {
        if (!widths[t]) continue;
        widths[t] += spacing;
        if (rem) {
          widths[t]++;
          rem--;
        }
      }
    }
    eol = c;
    len = 0;
    linecols = 0;
  }
}

function renderRow(columns: readonly Column[], widths: number[], row: readonly string[]): string {
  let out = '';
  let started = false;
  columns.forEach((c, i) => {
    if (c.disabled) return;
    const field = row[i] ?? '';
    let printed = 0;
    if (started) {
      out += c.ldelim;
      printed = c.ldelim.length;
    }
    started = true;
    const w = widths[i];
    if (w && c.align === 'right') {
      const s = w - field.length - printed;
      if (s > 0) {
        out += ' '.repeat(s);
        printed += s;
      }
    }
    out += field;
    printed += field.length;
    if (w && c.align === 'left' && w - printed > 0) out += ' '.repeat(w - printed);
  });
  return out + '\n';
}
