/**
 * `docker run redis redis-server OPTIONS`: the entrypoint execs the server
 * with the student's options, so it listens on --port (6379 by default) and
 * says so in its startup lines; the image's own 6379 listener belongs to
 * its default command only.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { setup, sh } from './docker-helpers';

async function labWith(line: string) {
  const lab = createLab({ seed: 5 });
  await setup(lab, 'docker network create nn', line, 'docker run -dit --name cli --network nn alpine');
  return lab;
}

describe('redis-server with options as the container command', () => {
  it('listens on --port only, and its startup lines name that port', async () => {
    const lab = await labWith('docker run -d --name rr --network nn redis redis-server --port 7000 --appendonly yes');
    expect(lab.query.canReach({ container: 'cli' }, 'rr', 7000).ok).toBe(true);
    const r6379 = lab.query.canReach({ container: 'cli' }, 'rr', 6379);
    expect(r6379.ok).toBe(false);
    expect(r6379.reason).toMatch(/refuses connections/);
    const logs = (await sh(lab, 'docker logs rr')).out;
    expect(logs).toMatch(/\* Configuration loaded\n/);
    expect(logs).toMatch(/\* Running mode=standalone, port=7000\.\n/);
    expect(logs).not.toMatch(/no config file specified/);
  });

  it('keeps 6379 when only other options are given', async () => {
    const lab = await labWith('docker run -d --name rr --network nn redis redis-server --appendonly yes');
    expect(lab.query.canReach({ container: 'cli' }, 'rr', 6379).ok).toBe(true);
    expect((await sh(lab, 'docker logs rr')).out).toMatch(/port=6379\./);
  });

  it('opens no TCP listener with --port 0', async () => {
    const lab = await labWith('docker run -d --name rr --network nn redis redis-server --port 0');
    expect(lab.query.canReach({ container: 'cli' }, 'rr', 6379).ok).toBe(false);
    expect(lab.query.container('rr')?.running).toBe(true);
  });

  it('leaves the default command as it was: 6379 and the no-config warning', async () => {
    const lab = await labWith('docker run -d --name rr --network nn redis');
    expect(lab.query.canReach({ container: 'cli' }, 'rr', 6379).ok).toBe(true);
    expect((await sh(lab, 'docker logs rr')).out).toMatch(/# Warning: no config file specified/);
  });

  it('does not open the image port for another server run in the image', async () => {
    const lab = await labWith('docker run -d --name web --network nn training/webapp python -m http.server 8000');
    expect(lab.query.canReach({ container: 'cli' }, 'web', 8000).ok).toBe(true);
    expect(lab.query.canReach({ container: 'cli' }, 'web', 5000).ok).toBe(false);
  });
});
