/**
 * The xterm side of a terminal: the Terminal and its FitAddon, fitting to
 * the container as it resizes, the keys the browser should keep (copy a
 * selection, paste, Esc to leave), theme and screen-reader mode.
 */
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { copyText } from './clipboard';

export interface ScreenOptions {
  /** Accessible name of xterm's input textarea. */
  label: string;
  theme: ITheme;
  screenReader: boolean;
  onData(data: string): void;
  /** Esc leaves the terminal (Tab is taken by completion): the keyboard way out. */
  onEscape(): void;
}

const FONT = 'ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace';

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class XtermScreen {
  readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private resizeObserver?: ResizeObserver;

  constructor(private readonly options: ScreenOptions) {
    this.term = new Terminal({
      fontFamily: FONT,
      fontSize: 13,
      // A blinking cursor is motion: students who ask their system for less get a steady one.
      cursorBlink: !prefersReducedMotion(),
      scrollback: 2000,
      theme: options.theme,
      screenReaderMode: options.screenReader,
    });
    this.term.loadAddon(this.fitAddon);
    this.term.onData((data) => options.onData(data));
    this.term.attachCustomKeyEventHandler((event) => this.handleKey(event));
  }

  get mounted(): boolean {
    return this.term.element !== undefined;
  }

  /** Opens the terminal in `parent` (which must be visible) and keeps it fitted. */
  mount(parent: HTMLElement): void {
    this.term.open(parent);
    this.term.textarea?.setAttribute('aria-label', this.options.label);
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

  setTheme(theme: ITheme): void {
    this.term.options.theme = theme;
  }

  setScreenReader(on: boolean): void {
    this.term.options.screenReaderMode = on;
  }

  /** Clears the screen and the scrollback, cursor home. */
  clear(): void {
    this.term.write('\x1b[H\x1b[2J\x1b[3J');
    this.term.clear();
  }

  /** Resolves once xterm has processed everything written so far. */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
    this.term.dispose();
  }

  /** Returns false for keys xterm must not turn into input. */
  private handleKey(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const mod = event.ctrlKey || event.metaKey;
    // Ctrl-C copies when there is a selection (Ctrl-Shift-C always), as in most terminal apps.
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
}
