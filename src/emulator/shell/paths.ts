/**
 * Where programs live, as `which` and `type` print them.
 *
 * GNU (the host, debian, ubuntu): /bin and /sbin are symlinks into /usr
 * (usrmerge), and PATH is /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:
 * /sbin:/bin, so the first hit is /usr/sbin/<name> for the programs Debian
 * packages ship in sbin (`which ip` → /usr/sbin/ip) and /usr/bin/<name>
 * for everything else.
 *
 * BusyBox (alpine, busybox): each applet is a link in the directory
 * BusyBox's applet table gives it (include/applets.h: BB_DIR_BIN,
 * BB_DIR_SBIN, BB_DIR_USR_BIN, BB_DIR_USR_SBIN); packages added with apk
 * (curl, tcpdump, bind-tools) install into /usr/bin, iptables into /sbin.
 */
import type { Userland } from '../commands/types';

const GNU_SBIN = new Set([
  'ip', 'bridge', 'iptables', 'iptables-save', 'iptables-restore', 'ip6tables', 'nft', 'brctl', 'sysctl',
  'arp', 'ifconfig', 'route', 'conntrack', 'iptables-legacy', 'iptables-nft', 'ethtool', 'tc', 'xtables-nft-multi',
]);

const BUSYBOX_BIN = new Set([
  'ash', 'sh', 'bash', 'cat', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg', 'echo', 'false', 'grep',
  'egrep', 'fgrep', 'gunzip', 'gzip', 'hostname', 'kill', 'ln', 'ls', 'mkdir', 'mknod', 'mktemp', 'more',
  'mount', 'mv', 'netstat', 'nice', 'pidof', 'ping', 'ping6', 'printenv', 'ps', 'pwd', 'rm', 'rmdir', 'sed',
  'sleep', 'stat', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname', 'usleep', 'watch', 'zcat',
]);

const BUSYBOX_SBIN = new Set([
  'arp', 'ifconfig', 'ifup', 'ifdown', 'ip', 'ipaddr', 'iplink', 'iproute', 'iprule', 'route', 'sysctl',
  'udhcpc', 'iptables', 'iptables-save', 'ip6tables', 'init', 'halt', 'reboot', 'poweroff', 'nameif',
]);

const BUSYBOX_USR_SBIN = new Set(['brctl', 'chroot', 'crond', 'ntpd', 'addgroup', 'adduser', 'arping']);

/** The absolute path `which <name>` prints for an installed program. */
export function programPath(name: string, userland: Userland): string {
  if (userland === 'gnu') return GNU_SBIN.has(name) ? `/usr/sbin/${name}` : `/usr/bin/${name}`;
  if (BUSYBOX_BIN.has(name)) return `/bin/${name}`;
  if (BUSYBOX_SBIN.has(name)) return `/sbin/${name}`;
  if (BUSYBOX_USR_SBIN.has(name)) return `/usr/sbin/${name}`;
  return `/usr/bin/${name}`;
}

/** Directories a command typed with a slash (`/usr/bin/curl`) may be run from. */
export const PROGRAM_DIRS: ReadonlySet<string> = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

/**
 * Builtins that exist only inside the shell: `which cd` finds nothing.
 * The others (echo, true, pwd, sleep...) are also programs on disk.
 */
export const SHELL_ONLY_BUILTINS: ReadonlySet<string> = new Set(['cd', 'export', 'unset', 'set', 'exit', 'type', 'source', '.', 'alias', 'readonly', 'shift', 'local', 'return', ':', 'read']);

/** Builtins of this shell that bash and ash run from disk instead: `type sleep` says `sleep is /usr/bin/sleep`. */
export const PROGRAM_BUILTINS: ReadonlySet<string> = new Set(['sleep', 'which']);
