/**
 * `<dnho-exercise>`: the browser half of `<Exercise>`. Grades the exercise's
 * checks on the lab of its terminal (lab bus) after every command and on
 * "Check", reveals hints one at a time, shows the solution, and saves
 * progress. The markup comes from Exercise.astro; this only enhances it.
 *
 * `data-graded="true"` once the checks have been graded on the lab now
 * published (removed while a newly published lab waits for its grading):
 * grading a new lab waits until the page has painted (after-paint.ts), so
 * the terminal shows itself ready before the checks run.
 */
import { gradeExercise, summarizeGrade, type Grade } from '../courseware/grader';
import type { Exercise } from '../courseware/types';
import type { Lab } from '../emulator/api';
import { onCommand, whenLab } from '../terminal/lab-bus';
import { LAB_CHANGED } from './lab-events';
import { progressStore, showProgressNotice } from './progress-client';
import { runInTerminal, whenTerminalReady } from './terminal-link';
import { afterPaint } from './after-paint';

type Trigger = 'load' | 'command' | 'button';

class ExerciseElement extends HTMLElement {
  private exercise!: Pick<Exercise, 'id' | 'lab' | 'checks' | 'solution'>;
  private lesson = '';
  private lab: Lab | undefined;
  private lastSummary = '';
  private hintsShown = 0;
  private pending = false;
  private readonly stops: (() => void)[] = [];

  connectedCallback(): void {
    if (this.stops.length) return;
    this.exercise = JSON.parse(this.dataset.exercise ?? '{}');
    this.lesson = this.dataset.lesson ?? location.pathname;
    this.restore();
    this.wireButtons();
    this.stops.push(
      whenLab(this.exercise.lab, (handle) => {
        this.lab = handle.lab;
        delete this.dataset.graded;
        // Unless a command or "Check" has graded this lab in the meantime.
        afterPaint(() => {
          if (this.lab === handle.lab && this.dataset.graded !== 'true') this.grade('load');
        });
      }),
      onCommand(this.exercise.lab, () => this.gradeSoon()),
    );
    // The editor changes files without a terminal command; it announces that on the document.
    const onEdit = (event: Event) => {
      if ((event as CustomEvent<{ lab?: string }>).detail?.lab === this.exercise.lab) this.gradeSoon();
    };
    document.addEventListener(LAB_CHANGED, onEdit);
    this.stops.push(() => document.removeEventListener(LAB_CHANGED, onEdit));
    void this.offerRunButtons();
  }

  disconnectedCallback(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private piece<T extends HTMLElement = HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-part="${name}"]`);
  }

  private store() {
    return progressStore();
  }

  private wireButtons(): void {
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!button || !this.contains(button)) return;
      const action = button.dataset.action;
      if (action === 'check') this.grade('button');
      else if (action === 'hint') this.revealHint(button);
      else if (action === 'solution') this.toggleSolution(button);
      else if (action === 'run') runInTerminal(this.exercise.lab, [button.dataset.line ?? '']);
      else if (action === 'run-all') runInTerminal(this.exercise.lab, this.exercise.solution);
    });
  }

  /** Puts back what the saved progress says: passed badge, hints seen, solution seen. */
  private restore(): void {
    const store = this.store();
    showProgressNotice(store.notice, this);
    const saved = store.exercise(this.lesson, this.exercise.id);
    if (saved.passed) this.showPassed(true);
    const hintButton = this.querySelector<HTMLButtonElement>('button[data-action="hint"]');
    for (let i = 0; i < saved.hintsUsed && hintButton; i++) this.revealHint(hintButton, false);
    if (saved.solutionShown) this.toggleSolution(this.querySelector('button[data-action="solution"]'), false);
  }

  /**
   * After a command, grade once the terminal has drawn its prompt: the bus
   * calls listeners synchronously, and probes (canReach) take a moment.
   * Several commands in a row (Run all) coalesce into one grading.
   */
  private gradeSoon(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.grade('command');
    }, 0);
  }

  private grade(trigger: Trigger): void {
    if (!this.lab) {
      if (trigger === 'button') this.say('The terminal is still starting. Checks run as soon as it is ready.');
      return;
    }
    const grade = gradeExercise(this.exercise, this.lab);
    this.renderChecks(grade);
    this.dataset.graded = 'true';
    const summary = summarizeGrade(grade);
    // After commands, speak only when something changed, so a screen reader is not flooded.
    if (trigger === 'button' || summary !== this.lastSummary) this.say(this.sentence(grade, trigger));
    this.lastSummary = summary;
    if (grade.passed) this.pass();
  }

  private sentence(grade: Grade, trigger: Trigger): string {
    if (grade.passed) return `${summarizeGrade(grade)} Exercise passed.`;
    const first = grade.results.find((r) => !r.pass);
    const detail = trigger === 'button' && first && this.showReasons() ? ` Not yet: ${first.reason}.` : '';
    return `${summarizeGrade(grade)}${detail}`;
  }

  /** `<Exercise reasons={false}>` (break-fix labs): a failing check says only that it fails. */
  private showReasons(): boolean {
    return this.dataset.reasons !== 'off';
  }

  private renderChecks(grade: Grade): void {
    for (const r of grade.results) {
      const item = this.querySelector<HTMLElement>(`[data-check="${CSS.escape(r.id)}"]`);
      if (!item) continue;
      item.dataset.state = r.pass ? 'pass' : 'fail';
      const state = item.querySelector('[data-part="check-state"]');
      if (state) state.textContent = r.pass ? 'passes' : 'not yet';
      const reason = item.querySelector<HTMLElement>('[data-part="check-reason"]');
      if (reason) {
        reason.textContent = r.pass || !this.showReasons() ? '' : r.reason ?? '';
        reason.hidden = r.pass || !this.showReasons();
      }
    }
  }

  private pass(): void {
    const before = this.store().exercise(this.lesson, this.exercise.id).passed;
    if (!before) showProgressNotice(this.store().markPassed(this.lesson, this.exercise.id), this);
    this.showPassed(false);
  }

  private showPassed(earlier: boolean): void {
    this.dataset.passed = 'true';
    const badge = this.piece('badge');
    if (!badge) return;
    badge.hidden = false;
    badge.textContent = earlier ? 'Passed earlier' : 'Passed';
  }

  private say(text: string): void {
    const status = this.piece('status');
    if (status) status.textContent = text;
  }

  private revealHint(button: HTMLButtonElement, save = true): void {
    const hints = [...this.querySelectorAll<HTMLElement>('[data-part="hint"]')];
    if (this.hintsShown >= hints.length) return;
    hints[this.hintsShown].hidden = false;
    this.hintsShown++;
    this.piece('hints')!.hidden = false;
    if (save) showProgressNotice(this.store().recordHints(this.lesson, this.exercise.id, this.hintsShown), this);
    if (this.hintsShown < hints.length) {
      button.textContent = `Show hint ${this.hintsShown + 1} of ${hints.length}`;
    } else {
      // aria-disabled rather than disabled: a disabled button drops keyboard focus.
      button.textContent = hints.length === 1 ? 'Hint shown' : `All ${hints.length} hints shown`;
      button.setAttribute('aria-disabled', 'true');
    }
  }

  private toggleSolution(button: HTMLButtonElement | null, save = true): void {
    const panel = this.piece('solution');
    if (!button || !panel) return;
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide solution' : 'Show solution';
    if (open && save) showProgressNotice(this.store().markSolutionShown(this.lesson, this.exercise.id), this);
  }

  /** "Run in terminal" buttons only when this page's terminal for the lab can take commands. */
  private async offerRunButtons(): Promise<void> {
    if (!(await whenTerminalReady(this.exercise.lab))) return;
    for (const b of this.querySelectorAll<HTMLElement>('button[data-action="run"], button[data-action="run-all"]')) b.hidden = false;
  }
}

if (!customElements.get('dnho-exercise')) customElements.define('dnho-exercise', ExerciseElement);
