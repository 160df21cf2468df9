/**
 * One xterm terminal showing a shell prompt on the lab: line editing,
 * history, completion, Ctrl-C, interactive prompts (`[y/N]`), streaming
 * output. It does not know about tabs, storage or the page; the element
 * (terminal-element.ts) wires several of these to one LabSession.
 */
import type { ITheme } from '@xterm/xterm';
import type { RunIO } from '../emulator/api';
import { decodeInput, pastedLines, type InputEvent } from './input-decoder';
import { LineEditor } from './line-editor';
import { CommandHistory } from './history';
import { completionStep, formatColumns } from './completion';
import { XtermScreen } from './xterm-screen';
import { DETACH_SEQUENCE } from './lab-session';
import { CtrlCSignal } from './ctrl-c-signal';

export interface ShellBackend {
  prompt(): string;
  complete(line: string): string[];
  /** True when the lines typed so far are not a whole command yet (bash then prompts `> `). */
  continues(text: string): boolean;
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

/** bash's PS2. */
const CONTINUATION_PROMPT = '> ';

type Mode = 'starting' | 'idle' | 'running' | 'reading';

export class ShellView {
  readonly screen: XtermScreen;
  private readonly editor = new LineEditor();
  private mode: Mode = 'starting';
  private abort?: CtrlCSignal;
  private answer?: (line: string | null) => void;
  /** Lines waiting to be typed: `run` ones are submitted, the last pasted fragment is only typed. */
  private queued: { line: string; run: boolean }[] = [];
  private lastChar = '\n';
  /** Lines typed before this one that were not a whole command (an open quote, a trailing `\\`). */
  private pending: string[] = [];
  private idleWaiters: (() => void)[] = [];
  /** The line as it was before a Ctrl-P, in case Ctrl-Q follows (detach, not history). */
  private beforeCtrlP?: { text: string; cursor: number };

  constructor(private readonly backend: ShellBackend, private readonly options: ShellViewOptions) {
    this.screen = new XtermScreen({ ...options, onData: (data) => this.handleData(data) });
  }

  private get term() {
    return this.screen.term;
  }

  get history(): CommandHistory {
    return this.options.history;
  }

  get idle(): boolean {
    return this.mode === 'idle';
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

  /** Clears the screen and scrollback (Reset, `clear`, Ctrl-L). */
  clearScreen(): void {
    this.screen.clear();
    this.lastChar = '\n';
  }

  /** Stops whatever runs (Reset): aborts the command and any pending question. */
  interrupt(): void {
    this.queued = [];
    this.abort?.abort({ final: true }); // the rest of the line must not run either
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
    this.interrupt();
    this.screen.dispose();
  }

  private drainQueue(): void {
    if (this.mode !== 'idle' || this.queued.length === 0) return;
    const { line, run } = this.queued.shift()!;
    this.editor.replace(line);
    this.term.write(this.editor.render(this.term.cols));
    if (run) this.submit();
  }

  private showPrompt(prompt = this.backend.prompt()): void {
    if (this.lastChar !== '\n') this.term.write('\r\n');
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

  private handleData(data: string): void {
    const events = decodeInput(data);
    const pasted = this.mode === 'idle' ? pastedLines(events) : undefined;
    if (pasted) {
      // The first line joins what is already typed; the rest wait their turn.
      this.editor.insert(pasted.shift()!.line);
      this.term.write(this.editor.render(this.term.cols));
      this.queued.push(...pasted);
      this.submit();
      return;
    }
    for (const event of events) this.handleEvent(event);
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
    this.pending = [];
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
    const typed = this.editor.text;
    this.term.write(this.editor.finish(this.term.cols));
    this.lastChar = '\n';
    const line = [...this.pending, typed].join('\n');
    if (this.backend.continues(line)) {
      this.pending.push(typed);
      this.showPrompt(CONTINUATION_PROMPT);
      return;
    }
    this.pending = [];
    // One history entry per command, as bash's cmdhist keeps it; a `\`-newline is only a line break.
    this.history.record(line.replace(/\\\n/g, ''));
    if (!line.trim()) {
      this.showPrompt();
      return;
    }
    void this.execute(line);
  }

  private async execute(line: string, typed = true): Promise<void> {
    this.mode = 'running';
    const abort = new CtrlCSignal();
    this.abort = abort;
    const io: RunIO = {
      stdout: (text) => this.write(text),
      stderr: (text) => this.write(text),
      signal: abort,
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
    if (abort.aborted && status === 0) status = 130;
    this.abort = undefined;
    if (typed) this.backend.afterCommand(line, status);
    this.ready();
  }

  /** An interactive question from the command: the student's answer, or null at Ctrl-C / Ctrl-D. */
  private async ask(): Promise<string | null> {
    if (this.abort?.aborted) return null;
    await this.screen.flushed();
    this.editor.begin(this.term.buffer.active.cursorX);
    this.mode = 'reading';
    return new Promise((resolve) => {
      this.answer = resolve;
    });
  }

  private completeWord(): void {
    const before = this.editor.text.slice(0, this.editor.cursor);
    let candidates: string[];
    try {
      candidates = this.backend.complete(before);
    } catch {
      candidates = []; // completion is a convenience; a fault in it must not break typing
    }
    const step = completionStep(before, candidates);
    if (step.kind === 'insert') {
      this.editor.insert(step.text);
      this.term.write(this.editor.render(this.term.cols));
    } else if (step.kind === 'list') {
      this.listCandidates(step.candidates);
    }
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

/** Width in cells of a prompt that may carry SGR colour codes. */
function visibleWidth(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
