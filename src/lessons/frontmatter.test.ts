import { describe, expect, it } from 'vitest';
import { lessonFields } from './frontmatter';

const good = { summary: 'S', order: 2, objectives: ['do a thing'], minutes: 15 };

function messages(input: unknown): string[] {
  const result = lessonFields.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('lesson frontmatter', () => {
  it('fills the defaults', () => {
    expect(lessonFields.parse(good)).toEqual({
      ...good,
      prerequisites: [],
      labs: { main: { setup: [] } },
      fixture: false,
    });
  });

  it('accepts several labs with seeds and hosts', () => {
    const labs = { main: { seed: 3, setup: ['docker network create a'] }, multi: { hosts: 2 } };
    expect(lessonFields.parse({ ...good, labs }).labs).toEqual({
      main: { seed: 3, setup: ['docker network create a'] },
      multi: { hosts: 2, setup: [] },
    });
  });

  it('says what was expected and what was found', () => {
    expect(messages({ ...good, order: 'three', minutes: undefined })).toEqual([
      'order: expected a number giving the lesson’s place in the course (e.g. 3), found the text "three"',
      'minutes: expected the estimated minutes as a number (e.g. 20), found nothing (the field is missing)',
    ]);
    expect(messages({ ...good, objectives: 'one' })).toEqual([
      'objectives: expected a list of learning objectives, found the text "one"',
    ]);
  });

  it('rejects unknown keys in a lab and bad prerequisite slugs', () => {
    expect(messages({ ...good, labs: { main: { setp: [] } } })[0]).toMatch(/^labs\.main: expected a mapping .* found a mapping with keys setp$/);
    expect(messages({ ...good, prerequisites: ['Bridge Basics'] })[0]).toMatch(/^prerequisites\.0: expected a lesson slug/);
    expect(messages({ ...good, labs: { main: { hosts: 12, setup: [] } } })[0]).toMatch(/at most 9 hosts, found the number 12/);
  });
});
