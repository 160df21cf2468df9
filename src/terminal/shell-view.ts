/**
 * One xterm terminal showing a shell prompt on the lab: line editing,
 * history, completion, Ctrl-C, interactive prompts (`[y/N]`), streaming
 * output. It does not know about tabs, storage or the page; the element
 * (terminal-element.ts) wires several of these to one LabSession.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { RunIO } from '../emulator/api';
import { decodeInput, type InputEvent } from './input-decoder';
import { LineEditor } from './line-editor';
import { CommandHistory } from './history';
import { formatColumns, longestCommonPrefix } from './completion';
import { copyText } from './clipboard';
import { DETACH_SEQUENCE } from './lab-session';

export interface ShellBackend {
  prompt(): string;
  complete(line: string): string[];
  /** Runs one line in this view's host; resolves to the exit status. */
  run(line: string, io: RunIO): Promise<number>;
  /** Called after each command with its line and status (save, lab bus). */
  afterCommand(line: string, status: number): void;
}

export interface ShellViewOptions {
  label: string;
  history: CommandHistory;
  theme: ITheme;
  screenReader: boolean;
  /** Esc leaves the terminal (Tab is taken by completion): the keyboard way out. */
  onEscape(): void;
}

type Mode = 'starting' | 'idle' | 'running' | 'reading';

const FONT = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

export class ShellView {
  readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly editor = new LineEditor();
  private mode: Mode = 'starting';
  private abort?: AbortController;
  private answer?: (line: string | null) => void;
  /** Lines waiting to be typed: `run` ones are submitted, the last pasted fragment is only typed. */
  private queued: { line: string; run: boolean }[] = [];
  private lastChar = '\n';
  private resizeObserver?: ResizeObserver;
  private idleWaiters: (() => void)[] = [];
  /** The line as it was before a Ctrl-P, in case Ctrl-Q follows (detach, not history). */
  private beforeCtrlP?: { text: string; cursor: number };

  constructor(private readonly backend: ShellBackend, private readonly options: ShellViewOptions) {
    this.term = new Terminal({
      fontFamily: FONT,
      fontSize: 14,
      cursorBlink: true,
      scrollback: 2000,
      theme: options.theme,
      screenReaderMode: options.screenReader,
      allowProposedApi: false,
    });
    this.term.loadAddon(this.fitAddon);
    this.term.onData((data) => this.handleData(data));
    this.term.attachCustomKeyEventHandler((event) => this.handleKey(event));
  }

  get history(): CommandHistory {
    return this.options.history;
  }

  get idle(): boolean {
    return this.mode === 'idle';
  }

  /** Opens the terminal in `parent` (which must be visible) and keeps it fitted. */
  mount(parent: HTMLElement): void {
    this.term.open(parent);
    if (this.term.textarea) this.term.textarea.setAttribute('aria-label', this.options.label);
    this.fit();
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(parent);
  }

  fit(): void {
    try {
      if (this.term.element?.offsetParent !== null) this.fitAddon.fit();
    } catch {
      // A hidden tab has no size; it is fitted when shown.
    }
  }

  /** Prints a message line (dimmed) above the prompt. */
  note(text: string): void {
    this.write(`\x1b[2m${text}\x1b[0m\n`);
  }

  /** Shows the prompt and starts accepting input. */
  ready(): void {
    this.mode = 'idle';
    this.showPrompt();
    this.drainQueue();
  }

  focus(): void {
    this.term.focus();
  }

  setTheme(theme: ITheme): void {
    this.term.options.theme = theme;
  }

  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  /** Clears the screen and scrollback (Reset, `clear`, Ctrl-L). */
  clearScreen(): void {
    this.term.write('\x1b[H\x1b[2J\x1b[3J');
    this.term.clear();
    this.lastChar = '\n';
  }

  /** Stops whatever runs (Reset): aborts the command and any pending question. */
  interrupt(): void {
    this.queued = [];
    this.abort?.abort();
    if (this.answer) this.answerQuestion(null, true);
  }

  /** Types and runs command lines, one after another (the "Run in terminal" buttons). */
  runCommands(lines: string[]): void {
    this.queued.push(...lines.map((line) => ({ line, run: true })));
    this.drainQueue();
  }

  /** Resolves once the prompt is waiting for input. */
  whenIdle(): Promise<void> {
    if (this.mode === 'idle') return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
    this.interrupt();
    this.term.dispose();
  }

  private drainQueue(): void {
    if (this.mode !== 'idle' || this.queued.length === 0) return;
    const { line, run } = this.queued.shift()!;
    this.editor.replace(line);
    this.term.write(this.editor.render(this.term.cols));
    if (run) this.submit();
  }

  private showPrompt(): void {
    if (this.lastChar !== '\n') this.term.write('\r\n');
    const prompt = this.backend.prompt();
    this.term.write(prompt);
    this.lastChar = prompt.at(-1) ?? '\n';
    const width = visibleWidth(prompt);
    if (width > 0 && width % this.term.cols === 0) this.term.write('\r\n');
    this.editor.begin(width % this.term.cols === 0 && width > 0 ? 0 : width);
    this.history.rewind();
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** Output from a command: `\n` becomes `\r\n` (the lab writes Unix text; xterm needs both). */
  private write(text: string): void {
    if (!text) return;
    this.term.write(text.replace(/\r?\n/g, '\r\n'));
    this.lastChar = text.at(-1)!;
  }

  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    if (mod && key === 'c' && (event.shiftKey || this.term.hasSelection())) {
      void copyText(this.term.getSelection());
      event.preventDefault();
      return false;
    }
    // Let the browser's paste event reach xterm's textarea instead of sending ^V.
    if (mod && key === 'v') return false;
    if (event.key === 'Escape' && !mod && !event.altKey) {
      this.options.onEscape();
      return false;
    }
    return true;
  }

  private handleData(data: string): void {
    const events = decodeInput(data);
    if (this.mode === 'idle' && isPastedLines(events)) return this.pasteLines(events);
    for (const event of events) this.handleEvent(event);
  }

  /**
   * Several lines pasted at once: bash reads them as typeahead and runs them
   * one after another; the fragment after the last newline stays on the line.
   */
  private pasteLines(events: InputEvent[]): void {
    const lines: { line: string; run: boolean }[] = [];
    let text = '';
    for (const event of events) {
      if (event.kind === 'text') text += event.text;
      else {
        lines.push({ line: text, run: true });
        text = '';
      }
    }
    if (text) lines.push({ line: text, run: false });
    const first = lines.shift()!;
    this.editor.insert(first.line);
    this.queued.push(...lines);
    this.submit();
  }

  private handleEvent(event: InputEvent): void {
    const ctrlP = this.beforeCtrlP;
    this.beforeCtrlP = undefined;
    if (this.mode === 'running') {
      if (event.kind === 'interrupt') this.cancelRunning();
      return; // keys typed while a command runs are dropped, not queued
    }
    if (this.mode === 'starting') return;
    switch (event.kind) {
      case 'text':
        this.editor.insert(event.text);
        break;
      case 'edit':
        this.editor.apply(event.key);
        break;
      case 'enter':
        return this.mode === 'reading' ? this.answerQuestion(this.editor.text) : this.submit();
      case 'interrupt':
        return this.cancelLine();
      case 'eof':
        if (this.mode === 'reading' && this.editor.text === '') return this.answerQuestion(null);
        if (this.editor.text === '') return;
        this.editor.apply('delete');
        break;
      case 'clear-screen':
        return this.redrawOnClearScreen();
      case 'tab':
        if (this.mode === 'idle') return this.completeWord();
        return;
      case 'ctrl-p':
        if (this.mode !== 'idle') return;
        this.beforeCtrlP = { text: this.editor.text, cursor: this.editor.cursor };
        this.recall(true);
        break;
      case 'ctrl-q':
        if (this.mode === 'idle' && ctrlP) return this.detach(ctrlP);
        return;
      case 'history-prev':
      case 'history-next':
        if (this.mode === 'idle') this.recall(event.kind === 'history-prev');
        break;
    }
    this.term.write(this.editor.render(this.term.cols));
  }

  private recall(older: boolean): void {
    const line = older ? this.history.previous(this.editor.text) : this.history.next();
    if (line !== undefined) this.editor.replace(line);
  }

  /** Ctrl-C at a prompt: bash prints ^C after the line and gives a fresh prompt; the line is dropped. */
  private cancelLine(): void {
    this.editor.apply('end');
    this.term.write(this.editor.render(this.term.cols) + '^C\r\n');
    this.lastChar = '\n';
    if (this.mode === 'reading') {
      this.abort?.abort();
      this.answerQuestion(null, true);
      return;
    }
    this.showPrompt();
  }

  private cancelRunning(): void {
    this.term.write('^C');
    this.lastChar = 'C';
    this.abort?.abort();
  }

  private redrawOnClearScreen(): void {
    const { text, cursor } = this.editor;
    this.clearScreen();
    if (this.mode === 'reading') {
      this.editor.begin(0, text);
    } else {
      this.showPrompt();
      this.editor.replace(text);
    }
    this.editor.cursor = cursor;
    this.term.write(this.editor.render(this.term.cols));
  }

  private answerQuestion(line: string | null, silent = false): void {
    if (!silent) this.term.write(this.editor.finish(this.term.cols));
    this.lastChar = '\n';
    const answer = this.answer;
    this.answer = undefined;
    this.mode = 'running';
    answer?.(line);
  }

  /** Ctrl-P Ctrl-Q: Docker's detach keys; the emulator takes them as a line of their own. */
  private detach(line: { text: string; cursor: number }): void {
    this.history.rewind();
    this.editor.replace(line.text);
    this.editor.cursor = line.cursor;
    this.term.write(this.editor.render(this.term.cols) + this.editor.finish(this.term.cols));
    this.lastChar = '\n';
    void this.execute(DETACH_SEQUENCE, false);
  }

  private submit(): void {
    const line = this.editor.text;
    this.term.write(this.editor.finish(this.term.cols));
    this.lastChar = '\n';
    this.history.record(line);
    if (!line.trim()) {
      this.showPrompt();
      return;
    }
    void this.execute(line);
  }

  private async execute(line: string, typed = true): Promise<void> {
    this.mode = 'running';
    const abort = new AbortController();
    this.abort = abort;
    const io: RunIO = {
      stdout: (text) => this.write(text),
      stderr: (text) => this.write(text),
      signal: abort.signal,
      readLine: () => this.ask(),
      control: (event) => {
        if (event.type === 'clear') this.clearScreen();
      },
    };
    let status: number;
    try {
      status = await this.backend.run(line, io);
    } catch (error) {
      // Lab.run never rejects by contract; if it does, the student still gets a prompt back.
      this.write(`terminal: ${error instanceof Error ? error.message : String(error)}\n`);
      status = 1;
    }
    if (abort.signal.aborted && status === 0) status = 130;
    this.abort = undefined;
    if (typed) this.backend.afterCommand(line, status);
    this.ready();
  }

  /** An interactive question from the command: the student's answer, or null at Ctrl-C / Ctrl-D. */
  private async ask(): Promise<string | null> {
    if (this.abort?.signal.aborted) return null;
    await new Promise<void>((resolve) => this.term.write('', resolve));
    this.editor.begin(this.term.buffer.active.cursorX);
    this.mode = 'reading';
    return new Promise((resolve) => {
      this.answer = resolve;
    });
  }

  private completeWord(): void {
    const before = this.editor.text.slice(0, this.editor.cursor);
    const word = /\S*$/.exec(before)![0];
    let candidates: string[];
    try {
      candidates = this.backend.complete(before);
    } catch {
      candidates = [];
    }
    candidates = [...new Set(candidates)];
    if (candidates.length === 0) return;
    const prefix = candidates.length === 1 ? candidates[0]! + (/[/=]$/.test(candidates[0]!) ? '' : ' ') : longestCommonPrefix(candidates);
    if (prefix.length > word.length && prefix.startsWith(word)) {
      this.editor.insert(prefix.slice(word.length));
      this.term.write(this.editor.render(this.term.cols));
      return;
    }
    if (candidates.length > 1) this.listCandidates(candidates);
  }

  /** Bash lists the candidates below the line, then repeats the prompt and the line. */
  private listCandidates(candidates: string[]): void {
    const { text, cursor } = this.editor;
    this.term.write(this.editor.finish(this.term.cols));
    this.write(formatColumns(candidates, this.term.cols) + '\n');
    this.showPrompt();
    this.editor.replace(text);
    this.editor.cursor = cursor;
    this.term.write(this.editor.render(this.term.cols));
  }
}

/** Text with a line break before its end: a paste (typed keys come one per event). */
function isPastedLines(events: InputEvent[]): boolean {
  if (!events.every((e) => e.kind === 'text' || e.kind === 'enter')) return false;
  const firstEnter = events.findIndex((e) => e.kind === 'enter');
  return firstEnter >= 0 && firstEnter < events.length - 1;
}

/** Width in cells of a prompt that may carry SGR colour codes. */
function visibleWidth(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
