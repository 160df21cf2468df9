/** Small system programs: hostname, clear, history, date, uname, id. */
import type { CommandSpec } from '../types';
import { labCtx, sessionOf } from '../docker/engine-access';
import { localAddresses } from '../../net/netns';

export const hostname: CommandSpec = {
  name: 'hostname',
  usage: 'hostname [-i|-I]',
  summary: 'show the system host name',
  help: 'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n       hostname                                 display host name\n\n    -i, --ip-address         addresses for the host name\n    -I, --all-ip-addresses   all addresses for the host',
  run(ctx) {
    const lab = labCtx(ctx);
    const flag = ctx.argv[1];
    const file = ctx.scope.fs.read('/etc/hostname');
    const name = typeof file === 'string' && !['ENOENT', 'EISDIR', 'ENOTDIR'].includes(file) ? file.trim() : ctx.scope.host;
    if (flag === '-i' || flag === '-I') {
      const ns = lab.ns(ctx.scope.netnsId);
      const ips = localAddresses(lab.state.net, ns).filter((ip) => !ip.startsWith('127.'));
      // busybox and GNU -i print the address the hostname resolves to; -I every address, space-terminated.
      ctx.stdout(flag === '-I' ? ips.join(' ') + ' \n' : (ips[0] ?? '127.0.1.1') + '\n');
      return 0;
    }
    if (flag && flag.startsWith('-')) {
      ctx.stderr(`hostname: invalid option -- '${flag.slice(1)}'\n`);
      return 1;
    }
    ctx.stdout(name + '\n');
    return 0;
  },
};

export const clear: CommandSpec = {
  name: 'clear',
  usage: 'clear',
  summary: 'clear the terminal screen',
  run(ctx) {
    // What ncurses' clear writes for xterm: home, erase display, erase scrollback.
    ctx.stdout('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

export const history: CommandSpec = {
  name: 'history',
  usage: 'history [-c] [n]',
  summary: 'display or clear the command history list',
  builtin: true,
  run(ctx) {
    const all = sessionOf(ctx).state.history;
    // bash: `history -c` empties the list, the `history -c` line itself included.
    if (ctx.argv[1] === '-c') {
      all.splice(0, all.length);
      return 0;
    }
    const n = ctx.argv[1] ? Number(ctx.argv[1]) : all.length;
    const start = Math.max(0, all.length - n);
    all.slice(start).forEach((line, i) => ctx.stdout(`${String(start + i + 1).padStart(5)}  ${line}\n`));
    return 0;
  },
};

export const date: CommandSpec = {
  name: 'date',
  usage: 'date',
  summary: 'print the system date and time',
  run(ctx) {
    const d = new Date(labCtx(ctx).clock.now());
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const p = (n: number) => String(n).padStart(2, '0');
    const time = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
    ctx.stdout(`${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} UTC ${d.getUTCFullYear()}\n`);
    return 0;
  },
};

export const uname: CommandSpec = {
  name: 'uname',
  usage: 'uname [-a|-r|-s|-n|-m]',
  summary: 'print system information',
  run(ctx) {
    const a = ctx.argv[1];
    const release = '6.1.0-37-amd64';
    if (a === '-a') ctx.stdout(`Linux ${ctx.scope.host} ${release} #1 SMP PREEMPT_DYNAMIC Debian 6.1.140-1 (2025-05-22) x86_64 GNU/Linux\n`);
    else if (a === '-r') ctx.stdout(release + '\n');
    else if (a === '-m') ctx.stdout('x86_64\n');
    else if (a === '-n') ctx.stdout(ctx.scope.host + '\n');
    else ctx.stdout('Linux\n');
    return 0;
  },
};

export const id: CommandSpec = {
  name: 'id',
  usage: 'id',
  summary: 'print real and effective user and group IDs',
  run(ctx) {
    ctx.stdout('uid=0(root) gid=0(root) groups=0(root)\n');
    return 0;
  },
};
