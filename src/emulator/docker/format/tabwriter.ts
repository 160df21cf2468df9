/**
 * Go's text/tabwriter as forked into docker/cli (cli/command/formatter/tabwriter), with
 * the settings every docker table uses: `tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`
 * ([src] docker/cli cli/command/formatter/formatter.go; REFERENCE 1.1).
 *
 * Elastic tabstops: a cell is text terminated by a tab ('\t' or '\v'); the text after a
 * line's last tab is not part of any column. Tab-terminated cells in consecutive lines
 * form a column block, padded to max(minwidth, widest cell + padding). A line with
 * fewer cells ends the blocks of the columns it lacks, so widths are per block, not per
 * table. '\f' ends a line and all blocks. Widths are display widths (runewidth.ts).
 */
import { stringWidth } from './runewidth';

export interface TabwriterOptions {
  minwidth?: number;
  tabwidth?: number;
  padding?: number;
  padchar?: string;
}

interface Cell {
  text: string;
  width: number;
}

/** Formats `text` in one go, as Write(text) followed by Flush() would. */
export function tabwrite(text: string, options: TabwriterOptions = {}): string {
  const cfg = {
    minwidth: options.minwidth ?? 10,
    tabwidth: options.tabwidth ?? 1,
    padding: options.padding ?? 3,
    padchar: options.padchar ?? ' ',
  };
  const out: string[] = [];
  let lines: Cell[][] = [[]];
  let cell = '';
  const terminateCell = (): number => {
    lines[lines.length - 1].push({ text: cell, width: stringWidth(cell) });
    cell = '';
    return lines[lines.length - 1].length;
  };
  const flush = (): void => {
    if (cell.length > 0) terminateCell();
    format(out, lines, cfg, [], 0, lines.length);
    lines = [[]];
  };
  for (const ch of text) {
    if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') {
      cell += ch;
      continue;
    }
    const ncells = terminateCell();
    if (ch === '\n' || ch === '\f') {
      lines.push([]);
      // A line with one cell cannot affect the following lines' layout: flush.
      if (ch === '\f' || ncells === 1) flush();
    }
  }
  flush();
  return out.join('');
}

type Config = Required<TabwriterOptions>;

/** Formats lines [line0, line1) given the widths of the columns left of `widths.length`. */
function format(out: string[], lines: Cell[][], cfg: Config, widths: number[], line0: number, line1: number): void {
  const column = widths.length;
  for (let t = line0; t < line1; t++) {
    if (column >= lines[t].length - 1) continue;
    // Cell exists in this column: print the lines above, then size the block.
    writeLines(out, lines, cfg, widths, line0, t);
    line0 = t;
    let width = cfg.minwidth;
    for (; t < line1; t++) {
      const line = lines[t];
      if (column >= line.length - 1) break;
      width = Math.max(width, line[column].width + cfg.padding);
    }
    format(out, lines, cfg, [...widths, width], line0, t);
    line0 = t;
  }
  writeLines(out, lines, cfg, widths, line0, line1);
}

function writeLines(out: string[], lines: Cell[][], cfg: Config, widths: number[], line0: number, line1: number): void {
  for (let i = line0; i < line1; i++) {
    const line = lines[i];
    line.forEach((c, j) => {
      out.push(c.text);
      if (j < widths.length) out.push(padding(cfg, c.width, widths[j]));
    });
    // The last buffered line has no newline of its own.
    if (i + 1 < lines.length) out.push('\n');
  }
}

function padding(cfg: Config, textw: number, cellw: number): string {
  if (cfg.padchar === '\t') {
    if (cfg.tabwidth === 0) return '';
    cellw = Math.ceil(cellw / cfg.tabwidth) * cfg.tabwidth;
    return '\t'.repeat(Math.ceil((cellw - textw) / cfg.tabwidth));
  }
  return cfg.padchar.repeat(Math.max(0, cellw - textw));
}
