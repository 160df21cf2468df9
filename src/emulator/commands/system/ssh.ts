/**
 * `ssh nodeX` switches the terminal to another host of the lab (or the
 * laptop); `ssh nodeX <command>` runs one command there. Keys are already
 * exchanged in the classroom image, so no password is asked.
 */
import type { CommandSpec } from '../types';
import { labOf, sessionOf } from '../docker/engine-access';
import { resolveName } from '../../kernel/resolver';
import { tcpConnect } from '../../net/transport';

export const ssh: CommandSpec = {
  name: 'ssh',
  usage: 'ssh [-l login_name] destination [command [argument ...]]',
  summary: 'OpenSSH remote login client',
  async run(ctx) {
    const args = sshOperands(ctx.argv.slice(1));
    const dest = args[0]?.replace(/^root@/, '');
    if (!dest) {
      ctx.stderr('usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]\n           [-c cipher_spec] [-D [bind_address:]port] [-E log_file]\n           [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]\n           [-J destination] [-L address] [-l login_name] [-m mac_spec]\n           [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]\n           [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]\n           destination [command [argument ...]]\n');
      return 255;
    }
    const lab = labOf(ctx);
    const ns = lab.ctx.ns(ctx.scope.netnsId);
    const r = resolveName(lab.ctx, ns, ctx.scope.fs, dest);
    if (!r.ok) {
      ctx.stderr(`ssh: Could not resolve hostname ${dest}: Name or service not known\n`);
      return 255;
    }
    const here = lab.ctx.state.machines[ctx.scope.host];
    const loopback = r.addresses[0].startsWith('127.') ? here : undefined;
    const target = loopback ?? Object.values(lab.ctx.state.machines).find((m) => m.lanIp === r.addresses[0]);
    const conn = tcpConnect(lab.ctx, ns, r.addresses[0], 22);
    if (conn.kind !== 'connected' || !target) {
      const why = conn.kind === 'refused' ? 'Connection refused' : conn.kind === 'no-route' ? 'Network is unreachable' : 'Connection timed out';
      ctx.stderr(`ssh: connect to host ${dest} port 22: ${why}\n`);
      return 255;
    }
    const session = sessionOf(ctx);
    if (args.length > 1) {
      session.enterHost(target.name);
      try {
        return await lab.runNested(args.slice(1).join(' '), ctx);
      } finally {
        session.state.stack.pop();
      }
    }
    session.enterHost(target.name);
    return 0;
  },
};

/** ssh's options that take a value (ssh(1) synopsis). */
const WITH_VALUE = new Set(['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-P', '-p', '-Q', '-R', '-S', '-W', '-w']);

/**
 * The destination and the remote command: options end at the destination,
 * and everything after it is the command, flags included
 * (`ssh node2 docker swarm join --token T 192.168.1.11:2377`).
 */
function sshOperands(argv: string[]): string[] {
  let i = 0;
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--') i += WITH_VALUE.has(argv[i]) ? 2 : 1;
  if (argv[i] === '--') i++;
  return argv.slice(i);
}
