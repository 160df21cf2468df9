import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor';

function typed(text: string, promptWidth = 2): LineEditor {
  const editor = new LineEditor();
  editor.begin(promptWidth);
  editor.insert(text);
  return editor;
}

describe('LineEditor editing', () => {
  it('inserts at the cursor', () => {
    const e = typed('docker ls');
    for (let i = 0; i < 2; i++) e.apply('left');
    e.insert('network ');
    expect(e.text).toBe('docker network ls');
    expect(e.cursor).toBe('docker network '.length);
  });

  it('handles backspace and delete at the edges', () => {
    const e = typed('ab');
    e.apply('delete');
    expect(e.text).toBe('ab');
    e.apply('home');
    e.apply('backspace');
    expect(e.text).toBe('ab');
    e.apply('delete');
    expect(e.text).toBe('b');
  });

  it('kills before, after and the previous word like readline', () => {
    const e = typed('docker network create  mynet');
    e.apply('kill-word-before');
    expect(e.text).toBe('docker network create  ');
    e.apply('kill-word-before');
    expect(e.text).toBe('docker network ');
    e.apply('word-left');
    e.apply('kill-after');
    expect(e.text).toBe('docker ');
    e.apply('kill-before');
    expect(e.text).toBe('');
  });
});

describe('LineEditor rendering', () => {
  it('rewrites from the start of the text and puts the cursor back', () => {
    const e = typed('abc', 5);
    e.apply('left');
    expect(e.render(80)).toBe('\x1b[6G\x1b[Jabc\x1b[8G');
  });

  it('goes up to the first row of a wrapped line before redrawing', () => {
    const e = typed('x'.repeat(25), 5); // 30 cells on a 10-column screen: rows 0..3
    e.render(10);
    e.insert('y');
    const out = e.render(10);
    expect(out.startsWith('\x1b[3A\x1b[6G\x1b[J')).toBe(true);
  });

  it('steps onto the next row when the text ends at the right margin', () => {
    const e = typed('x'.repeat(8), 2); // exactly 10 cells
    expect(e.render(10)).toBe('\x1b[3G\x1b[J' + 'x'.repeat(8) + '\r\n\x1b[1G');
    expect(e.finish(10)).toBe('\r');
  });

  it('finish moves below a wrapped line from a cursor in its middle', () => {
    const e = typed('x'.repeat(15), 2);
    e.apply('home');
    e.render(10);
    expect(e.finish(10)).toBe('\x1b[1B\r\n');
  });
});
