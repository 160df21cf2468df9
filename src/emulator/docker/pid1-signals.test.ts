import { describe, expect, it } from 'vitest';
import type { ContainerState } from './state';
import { pid1Argv, signalPid1, stopSignalOf } from './pid1-signals';

/** Just the fields the signal model reads. */
function c(image: string, cmd: string[], extra: Partial<ContainerState> = {}): ContainerState {
  return { image, cmd, entrypoint: [], tty: false, openStdin: false, ...extra } as ContainerState;
}

describe('what PID 1 does with a signal', () => {
  it('unhandled signals are ignored by PID 1, SIGKILL never', () => {
    for (const cmd of [['sleep', '1d'], ['nc', '-l', '-p', '80'], ['tail', '-f', '/dev/null'], ['/bin/sh']]) {
      expect(signalPid1(c('alpine', cmd), 15), cmd.join(' ')).toEqual({ continues: true, handled: false });
      expect(signalPid1(c('alpine', cmd), 9)).toEqual({ exit: 137 });
    }
  });

  it('handlers end a program with its own status, or leave it running', () => {
    expect(signalPid1(c('nginx', ['nginx', '-g', 'daemon off;'], { entrypoint: ['/docker-entrypoint.sh'] }), 3)).toEqual({ exit: 0 });
    expect(signalPid1(c('nginx', ['nginx', '-g', 'daemon off;']), 1)).toEqual({ continues: true, handled: true });
    expect(signalPid1(c('redis', ['redis-server'], { entrypoint: ['docker-entrypoint.sh'] }), 15)).toEqual({ exit: 0 });
    expect(signalPid1(c('redis:3.0.6', ['redis-server'], { entrypoint: ['/entrypoint.sh'] }), 15)).toEqual({ exit: 0 });
    expect(signalPid1(c('traefik/whoami', [], { entrypoint: ['/whoami'] }), 15)).toEqual({ exit: 2 });
    expect(signalPid1(c('python', ['python', '-m', 'http.server']), 2)).toEqual({ exit: 0 });
    expect(signalPid1(c('python', ['python', 'script.py']), 2)).toEqual({ exit: 130 });
    expect(signalPid1(c('python', ['python3']), 2)).toEqual({ continues: true, handled: true });
    expect(signalPid1(c('alpine', ['ping', 'x']), 2)).toEqual({ exit: 0 });
    expect(signalPid1(c('alpine', ['ping', 'x']), 15)).toEqual({ continues: true, handled: false });
  });

  it('an exec-ing entrypoint script is not PID 1', () => {
    expect(pid1Argv(c('redis:3.0.6', ['redis-server'], { entrypoint: ['/entrypoint.sh'] }))).toEqual(['redis-server']);
  });

  it("the stop signal: the image's STOPSIGNAL unless --stop-signal", () => {
    expect(stopSignalOf(c('nginx', []))).toBe(3);
    expect(stopSignalOf(c('postgres', []))).toBe(2);
    expect(stopSignalOf(c('httpd', []))).toBe(28);
    expect(stopSignalOf(c('alpine', []))).toBe(15);
    expect(stopSignalOf(c('nginx', [], { cli: { stopSignal: 'SIGUSR1' } as ContainerState['cli'] }))).toBe(10);
  });

  it('--init: the command gets default actions (Go re-raises and dies of it)', () => {
    const init = { cli: { init: true } as ContainerState['cli'] };
    expect(signalPid1(c('alpine', ['sleep', '1d'], init), 15)).toEqual({ exit: 143 });
    expect(signalPid1(c('traefik/whoami', [], { ...init, entrypoint: ['/whoami'] }), 15)).toEqual({ exit: 143 });
    expect(signalPid1(c('alpine', ['sleep', '1d'], init), 28)).toEqual({ continues: true, handled: false });
    expect(signalPid1(c('alpine', ['/bin/sh'], { ...init, tty: true, openStdin: true }), 15)).toEqual({ continues: true, handled: true });
  });
});
