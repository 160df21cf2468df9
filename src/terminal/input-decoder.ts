/**
 * Turns what xterm's `onData` delivers (typed keys as the byte sequences a
 * VT100/xterm sends, or a whole pasted string) into editing events. Kept free
 * of the DOM and of xterm so it can be unit-tested.
 */
export type InputEvent =
  | { kind: 'text'; text: string }
  | { kind: 'enter' }
  | { kind: 'tab' }
  | { kind: 'interrupt' } // Ctrl-C
  | { kind: 'eof' } // Ctrl-D
  | { kind: 'clear-screen' } // Ctrl-L
  | { kind: 'history-prev' }
  | { kind: 'history-next' }
  /** Ctrl-P: the previous history line — and the first half of Docker's detach keys. */
  | { kind: 'ctrl-p' }
  /** Ctrl-Q: after Ctrl-P, detaches from a container shell (`docker run -it`, `attach`, `exec -it`). */
  | { kind: 'ctrl-q' }
  | { kind: 'edit'; key: EditKey };

export type EditKey =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  | 'backspace'
  | 'delete'
  | 'kill-before' // Ctrl-U
  | 'kill-after' // Ctrl-K
  | 'kill-word-before'; // Ctrl-W

/** Escape sequences xterm sends, in both normal and application cursor-key mode. */
const ESCAPES: [string, InputEvent][] = [
  ['\x1b[A', { kind: 'history-prev' }],
  ['\x1bOA', { kind: 'history-prev' }],
  ['\x1b[B', { kind: 'history-next' }],
  ['\x1bOB', { kind: 'history-next' }],
  ['\x1b[C', { kind: 'edit', key: 'right' }],
  ['\x1bOC', { kind: 'edit', key: 'right' }],
  ['\x1b[D', { kind: 'edit', key: 'left' }],
  ['\x1bOD', { kind: 'edit', key: 'left' }],
  ['\x1b[H', { kind: 'edit', key: 'home' }],
  ['\x1bOH', { kind: 'edit', key: 'home' }],
  ['\x1b[1~', { kind: 'edit', key: 'home' }],
  ['\x1b[F', { kind: 'edit', key: 'end' }],
  ['\x1bOF', { kind: 'edit', key: 'end' }],
  ['\x1b[4~', { kind: 'edit', key: 'end' }],
  ['\x1b[3~', { kind: 'edit', key: 'delete' }],
  ['\x1b[1;5D', { kind: 'edit', key: 'word-left' }],
  ['\x1b[1;5C', { kind: 'edit', key: 'word-right' }],
  ['\x1b[1;3D', { kind: 'edit', key: 'word-left' }],
  ['\x1b[1;3C', { kind: 'edit', key: 'word-right' }],
  ['\x1bb', { kind: 'edit', key: 'word-left' }],
  ['\x1bf', { kind: 'edit', key: 'word-right' }],
  ['\x1b\x7f', { kind: 'edit', key: 'kill-word-before' }],
];

/** Single control bytes (readline's emacs bindings that the course needs). */
const CONTROLS: Record<string, InputEvent> = {
  '\r': { kind: 'enter' },
  '\n': { kind: 'enter' },
  '\t': { kind: 'tab' },
  '\x03': { kind: 'interrupt' },
  '\x04': { kind: 'eof' },
  '\x0c': { kind: 'clear-screen' },
  '\x7f': { kind: 'edit', key: 'backspace' },
  '\x08': { kind: 'edit', key: 'backspace' },
  '\x01': { kind: 'edit', key: 'home' },
  '\x05': { kind: 'edit', key: 'end' },
  '\x02': { kind: 'edit', key: 'left' },
  '\x06': { kind: 'edit', key: 'right' },
  '\x15': { kind: 'edit', key: 'kill-before' },
  '\x0b': { kind: 'edit', key: 'kill-after' },
  '\x17': { kind: 'edit', key: 'kill-word-before' },
  '\x10': { kind: 'ctrl-p' },
  '\x11': { kind: 'ctrl-q' },
  '\x0e': { kind: 'history-next' },
};

function matchEscape(data: string, at: number): [InputEvent | undefined, number] {
  for (const [seq, event] of ESCAPES) {
    if (data.startsWith(seq, at)) return [event, seq.length];
  }
  // An unknown CSI sequence (F-keys, …): skip it whole rather than inserting its bytes.
  const csi = /^\x1b\[[0-9;]*[~A-Za-z]/.exec(data.slice(at));
  if (csi) return [undefined, csi[0].length];
  return [undefined, data.length > at + 1 ? 2 : 1];
}

/** Decodes one `onData` chunk. Printable runs become one `text` event; `\r\n` is one Enter. */
export function decodeInput(data: string): InputEvent[] {
  const events: InputEvent[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      flush();
      const [event, length] = matchEscape(data, i);
      if (event) events.push(event);
      i += length;
    } else if (ch in CONTROLS) {
      flush();
      events.push(CONTROLS[ch]!);
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1;
    } else if (ch < ' ') {
      i += 1; // other control bytes do nothing at a shell prompt
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  return events;
}

export interface PastedLine {
  line: string;
  /** False for the fragment after the last line break: it is typed, not run. */
  run: boolean;
}

/**
 * A chunk of text with a line break before its end is a paste (typed keys
 * arrive one per chunk). Bash reads such input as typeahead and runs the lines
 * one after another; returns them, or undefined when the chunk is not a paste.
 */
export function pastedLines(events: readonly InputEvent[]): PastedLine[] | undefined {
  if (!events.every((e) => e.kind === 'text' || e.kind === 'enter')) return undefined;
  const firstEnter = events.findIndex((e) => e.kind === 'enter');
  if (firstEnter < 0 || firstEnter === events.length - 1) return undefined;
  const lines: PastedLine[] = [];
  let text = '';
  for (const event of events) {
    if (event.kind === 'text') text += event.text;
    else {
      lines.push({ line: text, run: true });
      text = '';
    }
  }
  if (text) lines.push({ line: text, run: false });
  return lines;
}
