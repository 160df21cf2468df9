/** restoreLab(snapshot) is createLab() + restore(snapshot), without the fresh lab in between. */
import { describe, expect, it } from 'vitest';
import { createLab, restoreLab, type Lab, type LabSnapshot } from '../src/emulator/index';

async function transcript(lab: Lab, lines: string[]): Promise<string> {
  let text = '';
  for (const line of lines) {
    const status = await lab.run(line, { stdout: (t) => (text += t), stderr: (t) => (text += t), timeLimitMs: 3000 });
    text += `(${status})\n`;
  }
  return text;
}

describe('restoreLab', () => {
  it('gives the lab createLab + restore gives: same prompt, hosts, output and next snapshot', async () => {
    const source = createLab({ seed: 6, hosts: 2 });
    await transcript(source, ['docker network create shop', 'docker run -d --name web --network shop -p 8080:80 nginx', 'ssh node2 docker run -dit --name c alpine']);
    const snapshot = source.snapshot();

    const restored = createLab({ seed: 1, hosts: 1 });
    restored.restore(snapshot);
    const direct = restoreLab(snapshot);

    expect(direct.prompt()).toBe(restored.prompt());
    expect(direct.hosts()).toEqual(restored.hosts());
    const next = ['docker ps --format "{{.Names}} {{.Ports}}"', 'curl -s localhost:8080 | head -n 4', 'docker network create more', 'ssh node2 docker ps -q | wc -l'];
    expect(await transcript(direct, next)).toBe(await transcript(restored, next));
    expect(direct.snapshot()).toEqual(restored.snapshot());
  });

  it('rejects what restore rejects, with the same message', () => {
    const bad = { format: 'something-else', version: 1, state: {} } as unknown as LabSnapshot;
    expect(() => restoreLab(bad)).toThrow('This is not a saved lab from this course.');
    expect(() => createLab().restore(bad)).toThrow('This is not a saved lab from this course.');
  });
});
