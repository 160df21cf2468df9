/**
 * Lines that are not whole commands yet: bash prompts `> ` and reads on.
 * The lab says when (Lab.continues); the joined lines then run as one command.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from './helpers/engine';

describe('continuation lines', () => {
  const lab = newLab();

  it.each([
    ['echo "open quote'],
    ["echo 'open"],
    ['docker ps |'],
    ['true &&'],
    ['false ||'],
    ['echo a \\'],
    ['if true; then'],
    ['for n in 1 2; do echo $n'],
    ['echo $(hostname'],
  ])('%s needs another line', (text) => {
    expect(lab.continues(text)).toBe(true);
  });

  it.each([['echo done'], ['echo "closed"'], ['echo a \\\\'], ['echo )'], ['fi'], ['']])('%s does not', (text) => {
    expect(lab.continues(text)).toBe(false);
  });

  it('a quoted Go template over two lines runs as one command, newline included', async () => {
    await sh(lab, 'docker network create appnet');
    await sh(lab, 'docker run -dit --name a1 --network appnet alpine');
    const first = 'docker network inspect appnet -f "{{range .Containers}}{{.Name}}';
    expect(lab.continues(first)).toBe(true);
    const text = `${first}\n{{end}}"`;
    expect(lab.continues(text)).toBe(false);
    const r = await sh(lab, text);
    expect(r.err).toBe('');
    expect(r.out).toBe('a1\n\n');
  });

  it('a backslash-newline joins the words, as in a copied multi-line docker run', async () => {
    const text = 'docker run -d --name web \\\n  --network appnet \\\n  nginx';
    expect(lab.continues('docker run -d --name web \\')).toBe(true);
    expect((await sh(lab, text)).err).not.toMatch(/Error|invalid/);
    expect(lab.query.container('web')?.networkMode).toBe('appnet');
  });
});
