/**
 * A lesson quiz answered with the keyboard alone (content/lessons/bridge: single
 * choice, multiple choice and short answers): a first attempt with one wrong
 * answer is graded with its explanation, "Try again" and all right, and the
 * score is kept across a reload and shown on the course home.
 */
import { expect, test, type Page } from '@playwright/test';

const LESSON = 'bridge';

type Question =
  | { kind: 'single' | 'multiple'; id: string; choices: { correct: boolean }[] }
  | { kind: 'short'; id: string; accept: string[] };

/** Answers every question from the focused first input onwards; `wrong` gets a wrong answer. */
async function answerByKeyboard(page: Page, questions: Question[], wrong?: string): Promise<void> {
  for (const q of questions) {
    if (q.kind === 'short') {
      await page.keyboard.type(q.id === wrong ? 'no idea' : q.accept[0]);
    } else if (q.kind === 'single') {
      const right = q.choices.findIndex((c) => c.correct);
      const pick = q.id === wrong ? q.choices.findIndex((c) => !c.correct) : right;
      // Space checks the focused radio; arrows move the choice within the group.
      await page.keyboard.press('Space');
      for (let i = 0; i < pick; i++) await page.keyboard.press('ArrowDown');
    } else {
      for (const [i, choice] of q.choices.entries()) {
        if (choice.correct !== (q.id === wrong && i === 0)) await page.keyboard.press('Space');
        if (i < q.choices.length - 1) await page.keyboard.press('Tab');
      }
    }
    await page.keyboard.press('Tab');
  }
}

test('a quiz answered by keyboard: a wrong answer explained, then all right, kept after a reload', async ({ page }) => {
  await page.goto(`lessons/${LESSON}/`);
  const quiz = page.locator('dnho-quiz').first();
  const data = JSON.parse((await quiz.getAttribute('data-quiz'))!) as { id: string; questions: Question[] };
  const total = data.questions.length;
  const wrong = data.questions[0].id;

  // A multiple-choice question says once that several answers may be right.
  for (const q of data.questions.filter((q) => q.kind === 'multiple')) {
    const legend = (await quiz.locator(`[data-question="${q.id}"] legend`).textContent()) ?? '';
    expect(legend.match(/all that apply/gi)?.length ?? 0, legend).toBe(1);
  }

  await quiz.locator('input').first().focus();
  await answerByKeyboard(page, data.questions, wrong);
  await expect(quiz.getByRole('button', { name: 'Check answers' })).toBeFocused();
  await page.keyboard.press('Enter');
  const score = quiz.locator('[data-part="score"]');
  await expect(score).toHaveText(`You got ${total - 1} of ${total} right.`);
  await expect(score).toBeFocused();
  const first = quiz.locator(`[data-question="${wrong}"]`);
  await expect(first.locator('[data-part="verdict"]')).toHaveText('Not quite.');
  await expect(first.locator('[data-part="explanation"]:visible').first()).not.toBeEmpty();
  await expect(quiz.locator('[data-part="verdict"]', { hasText: 'Correct.' })).toHaveCount(total - 1);

  await quiz.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(quiz.locator('input').first()).toBeFocused();
  await answerByKeyboard(page, data.questions);
  await page.keyboard.press('Enter');
  await expect(score).toHaveText(`You got ${total} of ${total} right. Well done!`);

  await page.reload();
  await expect(score).toHaveText(`Your last attempt: ${total} of ${total} right. Well done!`);
  await expect(quiz.locator('[data-part="verdict"]', { hasText: 'Correct.' })).toHaveCount(total);
  await page.goto('./');
  await expect(page.locator(`.lesson-card[data-lesson-slug="${LESSON}"] [data-progress]`)).toHaveText(`quiz ${total}/${total}`);
});
