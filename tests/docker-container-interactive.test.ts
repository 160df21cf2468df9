/**
 * The terminal entering containers: `docker run -it`, `docker exec -it`,
 * `docker attach`, and leaving them with `exit`.
 */
import { describe, expect, it } from 'vitest';
import { createLab } from '../src/emulator/index';
import { setup, sh } from './docker-helpers';

describe('interactive containers', () => {
  it('docker run -it enters the shell; exit stops the container', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker pull alpine');
    expect(await sh(lab, 'docker run -it --name box alpine')).toEqual({ out: '', err: '', code: 0 });
    expect(lab.prompt()).toBe('/ # ');
    const id = (await sh(lab, 'hostname')).out.trim();
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    await sh(lab, 'exit');
    expect(lab.prompt()).toBe('root@node1:~# ');
    expect((await sh(lab, "docker ps -a --format '{{.ID}} {{.Status}}'")).out).toBe(`${id} Exited (0) Less than a second ago\n`);
  });

  it('docker run -it --rm removes the container on exit', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -it --rm alpine');
    await sh(lab, 'exit 2');
    expect((await sh(lab, 'docker ps -aq')).out).toBe('');
  });

  it('docker exec -it enters a running container; exit leaves it running', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -dit --name box alpine');
    await setup(lab, 'docker exec -it box sh');
    expect(lab.prompt()).toBe('/ # ');
    expect((await sh(lab, 'cat /etc/hostname')).out).toMatch(/^[0-9a-f]{12}\n$/);
    await sh(lab, 'exit');
    expect(lab.prompt()).toBe('root@node1:~# ');
    expect((await sh(lab, "docker ps --format '{{.Names}}'")).out).toBe('box\n');
  });

  it('docker exec runs one command and prints its output', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -d --name web nginx');
    const hosts = await sh(lab, 'docker exec web cat /etc/hosts');
    expect(hosts.code).toBe(0);
    expect(hosts.out).toMatch(/^127\.0\.0\.1\tlocalhost\n/);
    expect(hosts.out).toMatch(/\n172\.17\.0\.2\t[0-9a-f]{12}\n$/);
    expect(await sh(lab, 'docker exec nosuch ls')).toEqual({ out: '', err: 'Error: No such container: nosuch\n', code: 1 });
    expect((await sh(lab, 'docker exec web nosuchcmd')).code).toBe(126);
    await setup(lab, 'docker stop web');
    const stopped = await sh(lab, 'docker exec web ls');
    expect(stopped.err).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running\n$/);
    expect(stopped.code).toBe(1);
  });

  it('docker attach joins the shell of a container started with -it', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker run -dit --name box alpine');
    await setup(lab, 'docker attach box');
    expect(lab.prompt()).toBe('/ # ');
    await sh(lab, 'exit');
    expect((await sh(lab, "docker ps -a --format '{{.Status}}'")).out).toMatch(/^Exited \(0\)/);
    expect(await sh(lab, 'docker attach box')).toEqual({ out: '', err: 'You cannot attach to a stopped container, start it first\n', code: 1 });
  });

  it('docker start -ai re-enters a stopped shell container', async () => {
    const lab = createLab({ seed: 1 });
    await setup(lab, 'docker create -it --name box alpine', 'docker start -ai box');
    expect(lab.prompt()).toBe('/ # ');
  });
});

describe('a pseudo-TTY or a pipe', () => {
  it('without -t a process writes to a pipe (ls: one name a line); with -t to a terminal (columns)', async () => {
    const lab = createLab({ seed: 3 });
    await sh(lab, 'docker run -dit --name box alpine');
    expect((await sh(lab, 'docker exec box ls /')).out).toBe('bin\netc\nproc\nroot\ntmp\nusr\nvar\n');
    expect((await sh(lab, 'docker exec -t box ls /')).out).toBe('bin  etc  proc  root  tmp  usr  var\n');
    expect((await sh(lab, 'docker run --rm alpine ls /')).out).toMatch(/^bin\netc\n/);
    expect((await sh(lab, 'docker run --rm -t alpine ls /')).out).toMatch(/^bin  etc  /);
  });
});
