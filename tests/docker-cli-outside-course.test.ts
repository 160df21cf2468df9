/**
 * Real Docker commands the emulator leaves out are named as real and missing,
 * never as "not a docker command"; made-up ones still get the CLI's error.
 */
import { describe, expect, it } from 'vitest';
import { newLab, sh } from './helpers/engine';

describe('docker commands outside the course', () => {
  const lab = newLab();

  it.each(['docker top web', 'docker stats --no-stream', 'docker volume ls', 'docker cp web:/etc/hosts .', 'docker system df', 'docker image prune -f', 'docker container stats'])('%s says it is real but not included', async (line) => {
    const r = await sh(lab, line);
    expect(r.err).toMatch(/^docker: 'docker [a-z ]+' is a real Docker command that this course's Docker host does not include/);
    expect(r.status).toBe(1);
  });

  it('made-up commands keep the real CLI errors', async () => {
    expect((await sh(lab, 'docker frobnicate')).err).toBe("docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n");
    expect((await sh(lab, 'docker network frob')).err).toMatch(/^docker: unknown command: docker network frob\n/);
  });

  it('commands the emulator has are not caught by the list', async () => {
    expect((await sh(lab, 'docker image ls')).out).toMatch(/^REPOSITORY/);
    expect((await sh(lab, 'docker container ls')).out).toMatch(/^CONTAINER ID/);
  });
});
