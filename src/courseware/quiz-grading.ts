/**
 * Grades quiz answers in the browser (and in tests): no server, no hidden
 * answers — the course is offline and the explanations are the point.
 */
import type { Quiz, QuizQuestion } from './types';

/** single: the chosen index; multiple: the chosen indices; short: the typed text. */
export type QuizAnswer = number | number[] | string;

export interface ChoiceFeedback {
  index: number;
  selected: boolean;
  correct: boolean;
  explanation: string;
}

export interface QuestionGrade {
  id: string;
  correct: boolean;
  /** Nothing was answered. */
  unanswered: boolean;
  /** For choice questions: every choice that was picked or should have been, with its explanation. */
  choices: ChoiceFeedback[];
  /** For short answers: the explanation. */
  explanation?: string;
}

export interface QuizGrade {
  score: number;
  total: number;
  questions: QuestionGrade[];
}

/** Trims and collapses inner whitespace; folds case unless the question is case-sensitive. */
export function normalizeShortAnswer(text: string, caseSensitive = false): string {
  const squeezed = text.trim().replace(/\s+/g, ' ');
  return caseSensitive ? squeezed : squeezed.toLowerCase();
}

function chosenIndices(answer: QuizAnswer | undefined): number[] {
  if (typeof answer === 'number') return [answer];
  return Array.isArray(answer) ? answer : [];
}

function gradeChoices(q: Extract<QuizQuestion, { kind: 'single' | 'multiple' }>, answer: QuizAnswer | undefined): QuestionGrade {
  const picked = new Set(chosenIndices(answer));
  if (q.kind === 'single' && picked.size > 1) picked.clear();
  const choices = q.choices.map((c, index) => ({ index, selected: picked.has(index), correct: c.correct, explanation: c.explanation }));
  const correct = picked.size > 0 && choices.every((c) => c.selected === c.correct);
  return {
    id: q.id,
    correct,
    unanswered: picked.size === 0,
    choices: choices.filter((c) => c.selected || c.correct),
  };
}

export function gradeQuestion(q: QuizQuestion, answer: QuizAnswer | undefined): QuestionGrade {
  if (q.kind !== 'short') return gradeChoices(q, answer);
  const text = typeof answer === 'string' ? answer : '';
  const given = normalizeShortAnswer(text, q.caseSensitive);
  const correct = given !== '' && q.accept.some((a) => normalizeShortAnswer(a, q.caseSensitive) === given);
  return { id: q.id, correct, unanswered: given === '', choices: [], explanation: q.explanation };
}

export function gradeQuiz(quiz: Quiz, answers: Readonly<Record<string, QuizAnswer | undefined>>): QuizGrade {
  const questions = quiz.questions.map((q) => gradeQuestion(q, answers[q.id]));
  return { score: questions.filter((g) => g.correct).length, total: quiz.questions.length, questions };
}
