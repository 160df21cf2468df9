/**
 * The interactive session over the shell stack: which namespace and
 * filesystem the current shell sees, its prompt, and entering or leaving
 * container shells and other hosts.
 */
import type { LabCtx } from '../world/ctx';
import type { ShellFrame, SessionState } from './state';
import type { ProcessScope, Userland } from '../commands/types';
import { VirtualFs } from '../kernel/fs';
import { createShellState } from '../shell/runtime';
import { findImage } from '../docker/images';
import type { ContainerState } from '../docker/state';
import { HOST_TOOLS, LAPTOP_TOOLS } from './host-tools';
import { containerProcessEnv } from '../docker/process-env';
import { netshootPrompt } from './netshoot-zsh';

const HOST_ENV = {
  SHELL: '/bin/bash',
  PWD: '/root',
  LOGNAME: 'root',
  HOME: '/root',
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
  USER: 'root',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
};

export function loginFrame(machine: string, kind: 'login' | 'ssh' = 'login'): ShellFrame {
  return { kind, machine, shell: createShellState({ ...HOST_ENV }), cwd: '/root', argv0: 'bash' };
}

export function emptySession(machine: string): SessionState {
  return { stack: [loginFrame(machine)], history: [], loggedOut: false };
}

export class Session {
  constructor(private ctx: LabCtx) {}

  get state(): SessionState {
    return this.ctx.state.session;
  }

  top(): ShellFrame {
    const s = this.state.stack;
    return s[s.length - 1];
  }

  container(frame: ShellFrame): ContainerState | undefined {
    if (!frame.containerId) return undefined;
    return this.ctx.state.machines[frame.machine]?.docker?.containers[frame.containerId];
  }

  userland(frame: ShellFrame): Userland {
    const c = this.container(frame);
    return c ? (findImage(c.image)?.userland ?? 'gnu') : 'gnu';
  }

  scope(frame: ShellFrame): ProcessScope {
    const c = this.container(frame);
    const m = this.ctx.state.machines[frame.machine];
    if (c) {
      const image = findImage(c.image);
      return {
        host: frame.machine,
        containerId: c.id,
        netnsId: this.entered(frame) ?? c.netnsId ?? m.rootNs,
        fs: new VirtualFs(this.ctx.state.containerFs[c.fsId]),
        userland: image?.userland ?? 'gnu',
        tools: new Set(image?.tools ?? []),
        cwd: frame.cwd,
      };
    }
    return {
      host: frame.machine,
      netnsId: this.entered(frame) ?? m.rootNs,
      fs: new VirtualFs(m.fs),
      userland: 'gnu',
      tools: m.kind === 'laptop' ? LAPTOP_TOOLS : HOST_TOOLS,
      cwd: frame.cwd,
    };
  }

  prompt(): string {
    const f = this.top();
    const c = this.container(f);
    if (!c) {
      const dir = f.cwd === '/root' ? '~' : f.cwd.startsWith('/root/') ? '~' + f.cwd.slice(5) : f.cwd;
      return `root@${f.machine}:${dir}# `;
    }
    const zsh = netshootPrompt(c, f.argv0, c.hostname, f.cwd, f.shell.vars.HOME ?? '/root');
    if (zsh) return zsh;
    if (this.userland(f) === 'busybox') return `${f.cwd} # `;
    return `root@${c.hostname}:${f.cwd}# `;
  }

  /** `docker exec -it c sh`, `docker run -it`, `docker attach`: a shell inside the container. */
  enterContainer(machine: string, c: ContainerState, kind: 'exec' | 'attach', argv0: string, tty = true): void {
    const image = findImage(c.image);
    const env: Record<string, string> = {};
    for (const kv of containerProcessEnv(this.ctx, machine, c, tty)) {
      const i = kv.indexOf('=');
      env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    env.HOME ??= '/root';
    const cwd = image?.workdir ?? '/';
    this.state.stack.push({ kind, machine, containerId: c.id, shell: createShellState(env), cwd, argv0 });
  }

  /** The namespace an nsenter shell entered, while it exists (a real one lives on while the shell is in it; here it is gone). */
  private entered(frame: ShellFrame): string | undefined {
    return frame.netnsId && this.ctx.state.net.namespaces[frame.netnsId] ? frame.netnsId : undefined;
  }

  /** `nsenter -n` with no program (or a shell): a shell like the current one, in another network namespace. */
  enterNetns(netnsId: string, argv0: string): void {
    const top = this.top();
    const env: Record<string, string> = {};
    for (const name of top.shell.exported) if (top.shell.vars[name] !== undefined) env[name] = top.shell.vars[name];
    this.state.stack.push({ kind: 'exec', machine: top.machine, containerId: top.containerId, shell: createShellState(env), cwd: top.cwd, argv0, netnsId });
  }

  enterHost(machine: string): void {
    this.state.stack.push(loginFrame(machine, 'ssh'));
  }

  /** Leaves the current shell; returns the frame that was left. */
  leave(): ShellFrame | undefined {
    if (this.state.stack.length === 1) {
      this.state.loggedOut = true;
      return undefined;
    }
    return this.state.stack.pop();
  }

  /** Shells whose container is gone (stopped or removed) are closed, as the terminal would be. */
  dropDeadFrames(): void {
    while (this.state.stack.length > 1) {
      const f = this.top();
      const c = this.container(f);
      if (f.containerId && (!c || c.status !== 'running')) this.state.stack.pop();
      else break;
    }
  }
}
