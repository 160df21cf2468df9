/**
 * The troubleshooting lesson's walkthrough is true: every ```console block
 * that the page follows with a ```text block is typed, in page order, on the
 * lesson's own lab (its frontmatter seed and setup), and the text block's
 * lines appear in what the commands print, in order (a block may quote an
 * excerpt, e.g. the first line of drill's answer).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { extractFrontmatter, loadYaml } from '../src/courseware/frontmatter';

const MDX = new URL('../content/lessons/troubleshooting/index.mdx', import.meta.url);

interface Step {
  commands: string[];
  expected: string[];
}

/** ```console blocks immediately followed by a ```text block (blank lines between them allowed). */
function steps(mdx: string): Step[] {
  const out: Step[] = [];
  for (const m of mdx.matchAll(/```console\n([^`]*)```\s*\n```text\n([^`]*)```/g)) {
    out.push({ commands: m[1].trim().split('\n'), expected: m[2].replace(/\n$/, '').split('\n') });
  }
  return out;
}

/** Is `expected` a subsequence of `actual`'s lines (trailing blanks ignored)? Returns the first line not found. */
function missingLine(actual: string, expected: string[]): string | undefined {
  const lines = actual.split('\n').map((l) => l.trimEnd());
  let at = 0;
  for (const want of expected.map((l) => l.trimEnd())) {
    const found = lines.indexOf(want, at);
    if (found < 0) return want;
    at = found + 1;
  }
  return undefined;
}

describe('troubleshooting lesson walkthrough', () => {
  it('prints what the page says, command by command, on the lesson lab', { timeout: 60_000 }, async () => {
    const mdx = readFileSync(MDX, 'utf8');
    const front = (await loadYaml(extractFrontmatter(mdx)!)) as { labs: { main: { seed: number; setup: string[] } } };
    const lab = await createLab({ seed: front.labs.main.seed });
    for (const line of front.labs.main.setup) expect(await lab.run(line, { stdout: () => {}, stderr: () => {} }), line).toBe(0);
    // The netshoot image is pulled once up front, as a student's first `docker run` would; its progress is not part of any block.
    await lab.run('docker pull nicolaka/netshoot', { stdout: () => {}, stderr: () => {} });
    const found = steps(mdx);
    expect(found.length).toBeGreaterThan(8);
    for (const step of found) {
      let output = '';
      for (const line of step.commands) await lab.run(line, { stdout: (t) => (output += t), stderr: (t) => (output += t) });
      const missing = missingLine(output, step.expected);
      expect(missing, `after ${step.commands.join(' && ')}, the page shows the line ${JSON.stringify(missing)}, but the lab printed:\n${output}`).toBeUndefined();
    }
  });
});
