import { describe, expect, it } from 'vitest';
import { decodeInput, pastedLines } from './input-decoder';

describe('decodeInput', () => {
  it('groups printable text and splits at control keys', () => {
    expect(decodeInput('ls -l\r')).toEqual([{ kind: 'text', text: 'ls -l' }, { kind: 'enter' }]);
  });

  it('decodes arrows in normal and application cursor mode', () => {
    expect(decodeInput('\x1b[A\x1bOB\x1b[D\x1bOC')).toEqual([
      { kind: 'history-prev' },
      { kind: 'history-next' },
      { kind: 'edit', key: 'left' },
      { kind: 'edit', key: 'right' },
    ]);
  });

  it('maps the readline control keys', () => {
    const keys = decodeInput('\x01\x05\x15\x0b\x17\x0c\x03\x7f').map((e) => (e.kind === 'edit' ? e.key : e.kind));
    expect(keys).toEqual(['home', 'end', 'kill-before', 'kill-after', 'kill-word-before', 'clear-screen', 'interrupt', 'backspace']);
  });

  it('keeps Ctrl-P and Ctrl-Q apart for Docker’s detach keys', () => {
    expect(decodeInput('\x10\x11')).toEqual([{ kind: 'ctrl-p' }, { kind: 'ctrl-q' }]);
  });

  it('decodes Home/End/Delete variants', () => {
    const keys = decodeInput('\x1b[H\x1b[F\x1b[1~\x1b[4~\x1b[3~').map((e) => (e.kind === 'edit' ? e.key : e.kind));
    expect(keys).toEqual(['home', 'end', 'home', 'end', 'delete']);
  });

  it('treats a pasted CRLF as one Enter and skips unknown sequences', () => {
    expect(decodeInput('a\r\nb\x1b[15~c')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'enter' },
      { kind: 'text', text: 'b' },
      { kind: 'text', text: 'c' },
    ]);
  });
});

describe('pastedLines', () => {
  it('splits a multi-line paste into lines to run and a fragment to type', () => {
    expect(pastedLines(decodeInput('docker ps\rdocker network ls\rdocker'))).toEqual([
      { line: 'docker ps', run: true },
      { line: 'docker network ls', run: true },
      { line: 'docker', run: false },
    ]);
  });

  it('leaves typed keys and a single line with Enter alone', () => {
    expect(pastedLines(decodeInput('a'))).toBeUndefined();
    expect(pastedLines(decodeInput('docker ps\r'))).toBeUndefined();
    expect(pastedLines(decodeInput('a\x1b[Ab\rc'))).toBeUndefined();
  });
});
