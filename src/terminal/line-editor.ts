/**
 * The line being typed at a prompt, and the escape sequences that show it.
 * Readline's emacs-mode behaviour, minus what a course does not need (kill
 * ring, undo). DOM-free: the view writes what `render()` returns.
 *
 * Screen model: the prompt starts at column 0 of some row; the editable text
 * follows it and wraps at `cols`. The editor remembers where it left the
 * terminal's cursor (an offset in cells from the prompt's start), so a redraw
 * can go back to the start of the text, clear below, and write again.
 * Every character is taken as one cell wide (the course's commands are ASCII).
 */
import type { EditKey } from './input-decoder';

const WORD = /[A-Za-z0-9_.\-]/;

export class LineEditor {
  text = '';
  cursor = 0;
  /** Where the terminal cursor was left by the last render, in cells from the prompt start. */
  private shown = 0;

  constructor(private promptWidth = 0) {}

  /** Starts a new line after a prompt of `width` cells has been written. */
  begin(width: number, initial = ''): void {
    this.promptWidth = width;
    this.text = initial;
    this.cursor = initial.length;
    this.shown = width;
  }

  insert(chunk: string): void {
    this.text = this.text.slice(0, this.cursor) + chunk + this.text.slice(this.cursor);
    this.cursor += chunk.length;
  }

  /** Replaces the whole line (history recall, completion), cursor at the end. */
  replace(text: string): void {
    this.text = text;
    this.cursor = text.length;
  }

  apply(key: EditKey): void {
    const { text, cursor } = this;
    switch (key) {
      case 'left': this.cursor = Math.max(0, cursor - 1); break;
      case 'right': this.cursor = Math.min(text.length, cursor + 1); break;
      case 'home': this.cursor = 0; break;
      case 'end': this.cursor = text.length; break;
      case 'word-left': this.cursor = wordStart(text, cursor); break;
      case 'word-right': this.cursor = wordEnd(text, cursor); break;
      case 'backspace':
        if (cursor > 0) this.cut(cursor - 1, cursor);
        break;
      case 'delete': this.cut(cursor, cursor + 1); break;
      case 'kill-before': this.cut(0, cursor); break;
      case 'kill-after': this.cut(cursor, text.length); break;
      // Readline's unix-word-rubout: back to the previous whitespace.
      case 'kill-word-before': this.cut(unixWordStart(text, cursor), cursor); break;
    }
  }

  private cut(from: number, to: number): void {
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.cursor = from;
  }

  /**
   * The bytes that bring the screen up to date: back to the start of the
   * text, clear to the end of the screen, write the text, put the cursor back.
   */
  render(cols: number): string {
    const width = Math.max(1, cols);
    const anchor = this.promptWidth;
    let out = moveUp(row(this.shown, width) - row(anchor, width));
    out += `\x1b[${(anchor % width) + 1}G\x1b[J` + this.text;
    const end = anchor + this.text.length;
    // A line that ends exactly at the right margin leaves xterm's cursor in the
    // "pending wrap" state on the last column; step onto the next row so the
    // arithmetic below holds.
    if (this.text.length > 0 && end % width === 0) out += '\r\n';
    const target = anchor + this.cursor;
    out += moveUp(row(end, width) - row(target, width));
    out += `\x1b[${(target % width) + 1}G`;
    this.shown = target;
    return out;
  }

  /** The bytes that leave the cursor at the start of a fresh line below the text (Enter). */
  finish(cols: number): string {
    const width = Math.max(1, cols);
    const end = this.promptWidth + this.text.length;
    const wrapped = this.text.length > 0 && end % width === 0; // render() already stepped down
    const out = moveDown(row(end, width) - row(this.shown, width)) + (wrapped ? '\r' : '\r\n');
    this.shown = 0;
    return out;
  }
}

function row(offset: number, cols: number): number {
  return Math.floor(offset / cols);
}

function moveUp(rows: number): string {
  return rows > 0 ? `\x1b[${rows}A` : '';
}

function moveDown(rows: number): string {
  return rows > 0 ? `\x1b[${rows}B` : '';
}

function wordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && !WORD.test(text[i - 1]!)) i--;
  while (i > 0 && WORD.test(text[i - 1]!)) i--;
  return i;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !WORD.test(text[i]!)) i++;
  while (i < text.length && WORD.test(text[i]!)) i++;
  return i;
}

function unixWordStart(text: string, from: number): number {
  let i = from;
  while (i > 0 && text[i - 1] === ' ') i--;
  while (i > 0 && text[i - 1] !== ' ') i--;
  return i;
}
