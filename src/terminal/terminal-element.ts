/**
 * `<dnho-terminal>`: the lesson terminal. Server-rendered by
 * src/components/Terminal.astro with the lab's definition in data
 * attributes; this element builds the lab, restores the student's saved
 * copy, shows one xterm per host (tabs), and publishes the lab on the lab bus.
 *
 * `data-state` goes `loading` → `ready` (accepts input) or `error`.
 */
import { loadEmulator, loadLabRestorer, preloadToolsWhenIdle } from './emulator-loader';
import { parseStartingLab } from './lab-setup';
import { LabSession, type LabDefinition } from './lab-session';
import { LabStore, setupFingerprint, storageKey } from './lab-storage';
import { CommandHistory } from './history';
import { ShellView } from './shell-view';
import { HostTabs, type HostTab } from './host-tabs';
import { publishLab, emitCommand } from './lab-bus';
import { siteTheme, terminalTheme, watchSiteTheme } from './theme';
import { startingAtOnce, whenWanted } from './start-order';

const SCREEN_READER_KEY = 'dnho-terminal-screen-reader';
/** Document event: the screen-reader preference changed (detail: on). */
const SCREEN_READER_EVENT = 'dnho-screen-reader';

function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: the lab still works, it just is not kept
  }
}

/** The parser has inserted something after `element`, so it has all of its content. */
function parsedPast(element: Element): boolean {
  for (let node: Node | null = element; node && node !== document; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

export class TerminalElement extends HTMLElement {
  private session?: LabSession;
  private tabs?: HostTabs;
  private views = new Map<string, ShellView>();
  /** The host each tab's shell is on now (`ssh` in a tab moves it). */
  private tabHosts = new Map<string, string>();
  private pending: string[] = [];
  private stopWatchingTheme?: () => void;
  private stopFollowingScreenReader?: () => void;
  private started = false;

  get labKey(): string {
    return this.dataset.lab ?? 'main';
  }

  connectedCallback(): void {
    if (this.started || !this.isConnected) return;
    // The terminal script runs while the page is parsed (it is async): a terminal the parser has just
    // inserted has none of its content yet. It starts once the parser is past it, at the latest when
    // the document is parsed.
    if (document.readyState === 'loading' && !parsedPast(this)) {
      document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), { once: true });
      return;
    }
    this.started = true;
    this.bindButtons();
    const setsUpHere = this.setsUpLabHere();
    // A lab set up here waits its turn (start-order.ts); one that is gone by then (another variant picked) never starts.
    const started = setsUpHere ? whenWanted(this).then(() => (this.isConnected ? this.start() : undefined)) : this.start();
    if (!setsUpHere) startingAtOnce(started);
    started.catch((error: unknown) => this.fail(error));
  }

  /** The page carries no prebuilt starting lab for a lab with setup commands: the browser runs them. */
  private setsUpLabHere(): boolean {
    return !this.querySelector('script[data-part="start"]') && this.readDefinition().setup.length > 0;
  }

  disconnectedCallback(): void {
    this.stopWatchingTheme?.();
    this.stopFollowingScreenReader?.();
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }

  /** Types and runs commands in the selected tab (the code blocks' "Run in terminal"). */
  runCommands(lines: string[]): void {
    const view = this.currentView();
    if (this.dataset.state !== 'ready' || !view) {
      this.pending.push(...lines);
      return;
    }
    view.focus();
    view.runCommands(lines);
  }

  focusTerminal(): void {
    this.currentView()?.focus();
  }

  private async start(): Promise<void> {
    const definition = this.readDefinition();
    const lesson = this.dataset.lesson ?? location.pathname;
    const store = new LabStore(localStore(), storageKey(lesson, this.labKey), setupFingerprint(definition));
    const prebuilt = parseStartingLab(this.querySelector('script[data-part="start"]')?.textContent);
    const session = new LabSession(definition, await loadEmulator(), store, prebuilt, await loadLabRestorer());
    this.session = session;
    const result = await session.start();
    if (result.notice) this.notify(result.notice, 'warning');
    else if (import.meta.env.DEV && session.setupFailures.length) {
      // For lesson authors (npm run dev only): a setup command the emulator rejected.
      const failed = session.setupFailures.map((f) => `${f.command} (exit ${f.status})`).join('; ');
      this.notify(`Lab setup commands failed: ${failed}`, 'warning');
    }

    const list = this.querySelector<HTMLElement>('[data-part="tabs"]')!;
    const screens = this.querySelector<HTMLElement>('[data-part="screens"]')!;
    this.tabs = new HostTabs(list, screens, this.id || `terminal-${this.labKey}`, (tab) => void this.show(tab));
    for (const tab of this.tabs.build(session.lab.hosts())) {
      this.tabHosts.set(tab.host, tab.host);
      this.views.set(tab.host, this.createView(tab.host, result.history[tab.host] ?? []));
    }
    this.stopWatchingTheme = watchSiteTheme((theme) => {
      for (const view of this.views.values()) view.screen.setTheme(terminalTheme(theme));
    });
    await this.show(this.tabs.current(), result.restored ? 'Your lab from last time is back. “Reset lab” starts over.' : undefined);
    this.dataset.state = 'ready';
    // For scripts/bench-site.mjs: time from navigation to a usable terminal.
    performance.mark(`dnho-terminal-ready:${this.labKey}`);
    // In the same task, so nothing sees a ready terminal whose lab is not on the bus; the exercises
    // grade it once the page has painted (src/client/exercise.ts), not before the terminal shows ready.
    this.publish();
    preloadToolsWhenIdle();
    if (this.pending.length) this.runCommands(this.pending.splice(0));
  }

  private publish(): void {
    publishLab(this.labKey, {
      lab: this.session!.lab,
      reset: () => this.reset(),
      runInTerminal: (lines) => this.runCommands(lines),
    });
  }

  private readDefinition(): LabDefinition {
    try {
      const raw = JSON.parse(this.dataset.definition ?? '{}') as Partial<LabDefinition>;
      return { seed: raw.seed, hosts: raw.hosts, setup: Array.isArray(raw.setup) ? raw.setup : [] };
    } catch {
      return { setup: [] };
    }
  }

  private createView(host: string, saved: string[]): ShellView {
    const session = this.session!;
    const view = new ShellView(
      {
        prompt: () => session.lab.prompt(),
        complete: (line) => session.lab.complete(line),
        continues: (text) => session.lab.continues(text),
        run: async (line, io) => {
          const before = session.lab.prompt();
          const status = await session.run(line, io, this.tabHosts.get(host));
          // `exit` in the login shell: bash would close the window; here a new login shell follows.
          const loggedOut = (session.lab as { loggedOut?: boolean }).loggedOut === true;
          if (/^\s*(exit|logout)(\s|;|$)/.test(line) && loggedOut && session.lab.prompt() === before) {
            io.stdout?.('\x1b[2m(the login shell ended; this terminal opens a new one)\x1b[0m\n');
          }
          return status;
        },
        afterCommand: (line, status) => this.afterCommand(host, line, status),
      },
      {
        label: `Terminal on ${host}`,
        history: new CommandHistory(saved),
        theme: terminalTheme(siteTheme()),
        screenReader: this.screenReaderOn(),
        onEscape: () => this.querySelector<HTMLElement>('[data-action="screen-reader"]')?.focus(),
      },
    );
    return view;
  }

  /** Shows a tab: mounts its xterm on first view, moves the shell to its host, prompts. */
  private async show(tab: HostTab, message?: string): Promise<void> {
    const view = this.views.get(tab.host)!;
    if (!view.screen.mounted) {
      view.screen.mount(tab.panel);
      if (message) view.note(message);
      await this.session!.use(this.tabHosts.get(tab.host)!);
      view.ready();
    } else {
      view.screen.fit();
      await this.session!.use(this.tabHosts.get(tab.host)!);
    }
  }

  private afterCommand(host: string, line: string, status: number): void {
    const session = this.session!;
    this.tabHosts.set(host, session.lab.currentHost());
    const history: Record<string, string[]> = {};
    for (const [name, view] of this.views) history[name] = view.history.all();
    const problem = session.save(history);
    if (problem) this.notify(`Your lab could not be saved in this browser (${problem}).`, 'warning');
    emitCommand(this.labKey, line, status);
  }

  private async reset(): Promise<void> {
    const session = this.session;
    if (!session || !this.tabs) return;
    this.dataset.state = 'loading';
    for (const view of this.views.values()) view.interrupt();
    await Promise.all([...this.views.values()].filter((v) => v.screen.mounted).map((v) => v.whenIdle()));
    await session.reset();
    this.notify('', 'info');
    for (const tab of this.tabs.tabs) {
      this.tabHosts.set(tab.host, tab.host);
      const view = this.views.get(tab.host)!;
      if (!view.screen.mounted) continue;
      view.clearScreen();
      view.note('The lab is back to the lesson’s start.');
    }
    await this.session!.use(this.tabs.current().host);
    for (const view of this.views.values()) if (view.screen.mounted) view.ready();
    this.publish();
    this.dataset.state = 'ready';
  }

  private bindButtons(): void {
    const sr = this.querySelector<HTMLButtonElement>('[data-action="screen-reader"]');
    sr?.setAttribute('aria-pressed', String(this.screenReaderOn()));
    sr?.addEventListener('click', () => {
      const on = sr.getAttribute('aria-pressed') !== 'true';
      try {
        localStore()?.setItem(SCREEN_READER_KEY, on ? '1' : '0');
      } catch {
        // The preference is then only for this page view.
      }
      // One preference for the student: every terminal on the page follows it.
      document.dispatchEvent(new CustomEvent<boolean>(SCREEN_READER_EVENT, { detail: on }));
    });
    const follow = (event: Event) => {
      const on = (event as CustomEvent<boolean>).detail === true;
      sr?.setAttribute('aria-pressed', String(on));
      for (const view of this.views.values()) view.screen.setScreenReader(on);
    };
    document.addEventListener(SCREEN_READER_EVENT, follow);
    this.stopFollowingScreenReader = () => document.removeEventListener(SCREEN_READER_EVENT, follow);
    const reset = this.querySelector<HTMLButtonElement>('[data-action="reset"]');
    reset?.addEventListener('click', () => {
      if (this.dataset.state !== 'ready') return;
      this.reset()
        .then(() => this.focusTerminal())
        .catch((error: unknown) => this.fail(error));
    });
  }

  private screenReaderOn(): boolean {
    try {
      return localStore()?.getItem(SCREEN_READER_KEY) === '1';
    } catch {
      return false;
    }
  }

  private currentView(): ShellView | undefined {
    return this.tabs ? this.views.get(this.tabs.current().host) : undefined;
  }

  private notify(text: string, tone: 'info' | 'warning' | 'error'): void {
    const notice = this.querySelector<HTMLElement>('[data-part="notice"]');
    if (!notice) return;
    notice.textContent = text;
    notice.dataset.tone = tone;
    notice.hidden = text === '';
  }

  private fail(error: unknown): void {
    console.error('[terminal]', error);
    this.dataset.state = 'error';
    this.notify(`The lab could not start: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

if (!customElements.get('dnho-terminal')) customElements.define('dnho-terminal', TerminalElement);
