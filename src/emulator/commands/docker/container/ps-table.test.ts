/**
 * `docker ps` prints its default table without the template engine
 * (ps.ts defaultTable); it must print exactly what the engine prints for the
 * same table given explicitly with --format.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from '../../../../../tests/helpers/engine';
import { PS_TABLE } from './ps-rows';

describe('docker ps default table', () => {
  it('is the template engine\'s output for the default table format, with -a, --no-trunc, links, ports and long commands', async () => {
    const lab = newLab(12);
    const setup = [
      'docker network create appnet',
      'docker run -d --name db --network bridge redis',
      'docker run -d --name web --link db:database -p 8080:80 -p 127.0.0.1:8443:443/tcp nginx',
      'docker run -dit --name client --network appnet alpine',
      'docker run -d --name talker alpine sh -c "while true; do echo héllo wörld ünïcode … ; sleep 1; done"',
      'docker run --name done alpine true',
      'docker create --name fresh -l tier=front alpine',
      'docker run -d -P --name any nginx',
    ];
    for (const line of setup) await sh(lab, line);
    const explicit = `'${PS_TABLE.replace(/\t/g, '\\t')}'`;
    for (const flags of ['', '-a', '--no-trunc', '-a --no-trunc', '-n 3', '-f status=exited']) {
      const fast = await sh(lab, `docker ps ${flags}`);
      const engine = await sh(lab, `docker ps ${flags} --format ${explicit}`);
      expect(fast.status).toBe(0);
      expect(fast.out).toBe(engine.out);
      expect(fast.out.split('\n').length).toBeGreaterThan(1);
    }
    expect((await sh(lab, 'docker ps --format table')).out).toBe((await sh(lab, 'docker ps')).out);
    expect((await sh(lab, 'docker ps -q')).out).toMatch(/^[0-9a-f]{12}\n/);
  });
});
