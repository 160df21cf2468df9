/**
 * `<dnho-quiz>`: the browser half of `<Quiz>`. Grades on submit, reveals the
 * explanation of every choice picked or missed, saves the score (and the
 * answers, so a revisit shows them), and lets the student try again.
 */
import { gradeQuiz, type QuestionGrade, type QuizAnswer } from '../courseware/quiz-grading';
import type { Quiz } from '../courseware/types';
import { progressStore, showProgressNotice } from './progress-client';

const VERDICT = { right: 'Right.', wrong: 'Not this one.', missed: 'You missed this one.' } as const;

class QuizElement extends HTMLElement {
  private quiz!: Quiz;
  private lesson = '';
  private wired = false;

  connectedCallback(): void {
    if (this.wired) return;
    this.wired = true;
    this.quiz = JSON.parse(this.dataset.quiz ?? '{}');
    this.lesson = this.dataset.lesson ?? location.pathname;
    const form = this.querySelector('form')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.querySelector('[data-action="retry"]')?.addEventListener('click', () => this.retry());
    this.restore();
  }

  private fieldset(id: string): HTMLFieldSetElement | null {
    return this.querySelector<HTMLFieldSetElement>(`fieldset[data-question="${CSS.escape(id)}"]`);
  }

  private answers(): Record<string, QuizAnswer> {
    const out: Record<string, QuizAnswer> = {};
    for (const q of this.quiz.questions) {
      const fs = this.fieldset(q.id);
      if (!fs) continue;
      if (q.kind === 'short') {
        out[q.id] = fs.querySelector<HTMLInputElement>('input[type="text"]')?.value ?? '';
      } else {
        const picked = [...fs.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => Number(i.value));
        if (q.kind === 'single' && picked.length) out[q.id] = picked[0];
        if (q.kind === 'multiple') out[q.id] = picked;
      }
    }
    return out;
  }

  private fill(answers: Record<string, QuizAnswer>): void {
    for (const q of this.quiz.questions) {
      const fs = this.fieldset(q.id);
      const a = answers[q.id];
      if (!fs || a === undefined) continue;
      if (q.kind === 'short') {
        const input = fs.querySelector<HTMLInputElement>('input[type="text"]');
        if (input && typeof a === 'string') input.value = a;
        continue;
      }
      const picked = new Set(typeof a === 'number' ? [a] : Array.isArray(a) ? a : []);
      for (const input of fs.querySelectorAll<HTMLInputElement>('input')) input.checked = picked.has(Number(input.value));
    }
  }

  private submit(): void {
    const answers = this.answers();
    const grade = gradeQuiz(this.quiz, answers);
    grade.questions.forEach((g) => this.showQuestion(g));
    this.lock(true);
    const notice = progressStore().recordQuiz(this.lesson, this.quiz.id, { score: grade.score, total: grade.total, answers });
    showProgressNotice(notice, this);
    this.showScore(grade.score, grade.total, false);
  }

  private showQuestion(g: QuestionGrade): void {
    const fs = this.fieldset(g.id);
    if (!fs) return;
    const verdict = fs.querySelector<HTMLElement>('[data-part="verdict"]')!;
    verdict.hidden = false;
    verdict.dataset.correct = String(g.correct);
    verdict.textContent = g.unanswered ? 'Not answered.' : g.correct ? 'Correct.' : 'Not quite.';
    for (const c of g.choices) {
      const box = fs.querySelector<HTMLElement>(`[data-choice="${c.index}"]`);
      if (!box) continue;
      const kind = c.selected ? (c.correct ? 'right' : 'wrong') : 'missed';
      box.dataset.result = kind;
      const explanation = box.querySelector<HTMLElement>('[data-part="explanation"]')!;
      explanation.hidden = false;
      explanation.querySelector('[data-part="choice-verdict"]')!.textContent = VERDICT[kind];
    }
    if (g.explanation !== undefined) {
      const explanation = fs.querySelector<HTMLElement>('[data-part="explanation"]');
      if (explanation) explanation.hidden = false;
      const accepted = fs.querySelector<HTMLElement>('[data-part="accepted"]');
      if (accepted) accepted.hidden = g.correct;
    }
  }

  private showScore(score: number, total: number, earlier: boolean): void {
    const el = this.querySelector<HTMLElement>('[data-part="score"]')!;
    el.textContent = `${earlier ? 'Your last attempt: ' : 'You got '}${score} of ${total} right.${score === total ? ' Well done!' : ''}`;
    if (!earlier) el.focus();
  }

  /** Answered questions are read-only until "Try again", so the feedback matches what is shown. */
  private lock(done: boolean): void {
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) {
      if (input.type === 'text') input.readOnly = done;
      else input.disabled = done;
    }
    this.querySelector<HTMLElement>('[data-action="submit"]')!.hidden = done;
    this.querySelector<HTMLElement>('[data-action="retry"]')!.hidden = !done;
  }

  private retry(): void {
    for (const el of this.querySelectorAll<HTMLElement>('[data-part="verdict"], [data-part="explanation"]')) el.hidden = true;
    for (const el of this.querySelectorAll<HTMLElement>('[data-result]')) delete el.dataset.result;
    for (const input of this.querySelectorAll<HTMLInputElement>('input')) {
      if (input.type === 'text') input.value = '';
      else input.checked = false;
    }
    this.lock(false);
    this.querySelector<HTMLElement>('[data-part="score"]')!.textContent = '';
    this.querySelector<HTMLInputElement>('input')?.focus();
  }

  /** A revisit shows the last attempt, graded, with "Try again". */
  private restore(): void {
    const store = progressStore();
    showProgressNotice(store.notice, this);
    const saved = store.quiz(this.lesson, this.quiz.id);
    if (!saved) return;
    if (saved.answers) {
      this.fill(saved.answers);
      gradeQuiz(this.quiz, saved.answers).questions.forEach((g) => this.showQuestion(g));
      this.lock(true);
    }
    this.showScore(saved.score, saved.total, true);
  }
}

if (!customElements.get('dnho-quiz')) customElements.define('dnho-quiz', QuizElement);
