/**
 * One lesson lab in the browser: builds it (createLab + the lesson's setup,
 * run silently), restores the student's saved copy, saves after every
 * command, resets, and serialises commands from several terminal tabs onto
 * the lab's single shell session. No xterm and no DOM here beyond Storage.
 */
import type { Lab, LabOptions, LabSnapshot, RunIO } from '../emulator/api';
import type { LabStore } from './lab-storage';
import { runSetup, type LabDefinition, type LabFactory, type SetupFailure, type StartingLab } from './lab-setup';

export type { LabDefinition, LabFactory } from './lab-setup';

/** Makes a lab from a snapshot, as createLab(options) and then restore(snapshot) would. */
export type LabRestorer = (snapshot: LabSnapshot, options: LabOptions) => Lab;

/** Docker's default detach keys, Ctrl-P Ctrl-Q, as the emulator takes them (src/emulator/lab.ts). */
export const DETACH_SEQUENCE = '\x10\x11';

export interface StartResult {
  /** True when the student's saved lab was restored. */
  restored: boolean;
  /** Something the student should know (a saved lab that could not be used). */
  notice?: string;
  /** Saved per-tab command history. */
  history: Record<string, string[]>;
}

export class LabSession {
  private current?: Lab;
  private tail: Promise<unknown> = Promise.resolve();
  /** Setup commands that failed, for the lesson author (logged, not shown to students). */
  setupFailures: SetupFailure[] = [];

  /**
   * `prebuilt` is the lesson's starting lab computed when the site was built
   * (lab-setup.ts): restoring it skips replaying the setup in the browser.
   * `restorer` makes a live lab straight from a snapshot (the emulator's
   * restoreLab); without it a fresh lab is made and restored.
   */
  constructor(
    private readonly definition: LabDefinition,
    private readonly factory: LabFactory,
    private readonly store: LabStore,
    private readonly prebuilt?: StartingLab,
    private readonly restorer?: LabRestorer,
  ) {}

  get lab(): Lab {
    if (!this.current) throw new Error('LabSession.start() has not finished');
    return this.current;
  }

  /** The host every terminal starts on. */
  homeHost(): string {
    return this.lab.hosts()[0] ?? 'node1';
  }

  async start(): Promise<StartResult> {
    const loaded = this.store.load();
    if (loaded.kind === 'saved') {
      try {
        this.current = this.fromSnapshot(loaded.saved.snapshot);
        return { restored: true, history: loaded.saved.history };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        // The emulator's restore errors are whole sentences that say what is wrong ("This saved lab is damaged ...").
        return this.startFresh(`${asSentence(reason)} Starting from the lesson’s lab.`);
      }
    }
    if (loaded.kind === 'unusable') {
      return this.startFresh(`Your saved lab could not be used (${loaded.reason}). Starting from the lesson’s lab.`);
    }
    return this.startFresh();
  }

  /** Forgets the saved lab and rebuilds the lesson's starting lab. */
  async reset(): Promise<void> {
    await this.exclusive(async () => {
      this.store.clear();
      this.current = await this.build();
    });
  }

  /**
   * Runs a line typed in the tab that is on `host`: moves the shell session
   * there first (tabs share one session), runs, then saves the lab.
   */
  run(line: string, io: RunIO, host?: string): Promise<number> {
    let running: Promise<number> | undefined;
    let released = false;
    const turn = this.exclusive(async () => {
      if (host) await this.moveTo(host);
      running = this.lab.run(line, io);
      released = await this.untilDoneOrWaiting(running);
    });
    return turn.then(async () => {
      const status = await running!;
      // Other tabs ran meanwhile and may have moved the shared session: come back for this tab's prompt.
      if (released && host) await this.exclusive(() => this.moveTo(host));
      return status;
    });
  }

  /**
   * Holds this tab's turn while its line runs, but gives it up when the line
   * only waits for what other lines do (a tcpdump waiting for packets:
   * Lab.activeLines() is 0), so a line typed in another tab runs meanwhile
   * and the capture shows its packets. True when the turn was given up.
   */
  private untilDoneOrWaiting(running: Promise<number>): Promise<boolean> {
    const lab = this.lab;
    if (!lab.activeLines || !lab.onWaitingChange) return running.then(() => false, () => false);
    return new Promise((resolve) => {
      let stop = (): void => {};
      let settled = false;
      const settle = (released: boolean) => {
        if (settled) return;
        settled = true;
        stop();
        resolve(released);
      };
      // The lab also reports a line's end this way (activeLines() is 0 then too). A line that ended
      // settles `running` within microtasks, so the turn is given up only if, a task later, it has
      // not: giving it up for an ended line would move the session back (`ssh node2` undone).
      stop = lab.onWaitingChange!(() => {
        if (lab.activeLines!() !== 0) return;
        setTimeout(() => {
          if (!settled && lab.activeLines!() === 0) settle(true);
        }, 0);
      });
      running.then(() => settle(false), () => settle(false));
    });
  }

  /** Moves the shared session to `host` (a tab was selected). */
  use(host: string): Promise<void> {
    return this.exclusive(() => this.moveTo(host));
  }

  save(history: Record<string, string[]>): string | undefined {
    let snapshot: LabSnapshot;
    try {
      snapshot = this.lab.snapshot();
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    return this.store.save(snapshot, history);
  }

  private async startFresh(notice?: string): Promise<StartResult> {
    this.store.clear();
    this.current = await this.build();
    return { restored: false, notice, history: {} };
  }

  private create(): Lab {
    const { seed, hosts } = this.definition;
    return this.factory({ seed, hosts, realtime: true });
  }

  /** A live lab in the state of `snapshot`; throws when the snapshot cannot be restored. */
  private fromSnapshot(snapshot: LabSnapshot): Lab {
    const { seed, hosts } = this.definition;
    if (this.restorer) return this.restorer(snapshot, { seed, hosts, realtime: true });
    const lab = this.create();
    lab.restore(snapshot);
    return lab;
  }

  /**
   * The lesson's starting lab: the prebuilt snapshot when the page has one,
   * else the setup run here in a lab without real time (a `docker run` there
   * does not wait for its simulated pull). Either way the result moves into
   * the live lab by snapshot, the same path a reload takes.
   */
  private async build(): Promise<Lab> {
    if (this.prebuilt) {
      try {
        const live = this.fromSnapshot(this.prebuilt.snapshot);
        this.setupFailures = [...this.prebuilt.failures];
        return live;
      } catch (error) {
        console.warn('[terminal] the prebuilt starting lab could not be restored; running the setup here:', error);
      }
    }
    this.setupFailures = [];
    if (this.definition.setup.length === 0) return this.create();
    const { lab: quick, failures } = await runSetup(this.definition, this.factory);
    this.setupFailures = failures;
    if (failures.length) console.warn('[terminal] lab setup commands failed:', failures);
    try {
      return this.fromSnapshot(quick.snapshot());
    } catch (error) {
      console.warn('[terminal] the set-up lab could not be carried into the live one; using it as is:', error);
      return quick;
    }
  }

  /**
   * Tabs share the lab's one shell session (a stack: login shell, `ssh`
   * shells, container shells). Moving to a tab's host unwinds to the home
   * host's login shell, then does `ssh <host>`, as a student would by hand.
   * Nothing moves while the session is on the tab's host already.
   * Container shells are left with Docker's detach keys (Ctrl-P Ctrl-Q), so a
   * `docker run -it` container keeps running; `ssh` shells with `exit`.
   */
  private async moveTo(host: string): Promise<void> {
    const lab = this.lab;
    const home = this.homeHost();
    // Already there, maybe in a container shell the student opened: leave it be.
    if (lab.currentHost() === host) return;
    for (let step = 0; step < 12 && !this.atLogin(host); step++) {
      if (this.atLogin(home)) {
        await lab.run(`ssh ${host}`);
        if (!this.atLogin(host)) return; // ssh refused (unknown host): stay put
        continue;
      }
      const before = lab.prompt() + lab.currentHost();
      await lab.run(DETACH_SEQUENCE);
      if (lab.prompt() + lab.currentHost() === before) await lab.run('exit');
      if (lab.prompt() + lab.currentHost() === before) return; // cannot unwind further
    }
  }

  /** The session is in a host shell (not a container's) on `host`. */
  private atLogin(host: string): boolean {
    return this.lab.currentHost() === host && this.lab.prompt().startsWith(`root@${host}:`);
  }

  /** Commands, restores and resets happen one at a time, in order. */
  private exclusive<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** Ends a message with a full stop unless it has one. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
