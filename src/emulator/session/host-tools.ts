/**
 * Programs on a Docker host (Debian 12 with docker-ce, iproute2, iptables,
 * bridge-utils, dnsutils, curl, tcpdump, net-tools installed for the course;
 * util-linux's nsenter and ethtool come with Debian's standard system)
 * and on the laptop. Everything else answers `bash: x: command not found`.
 */
export const HOST_TOOLS: ReadonlySet<string> = new Set([
  'bash', 'sh', 'ls', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'uniq', 'tr', 'tee', 'env', 'printenv',
  'hostname', 'sleep', 'touch', 'rm', 'mkdir', 'seq', 'which', 'true', 'false', 'date', 'uname', 'id', 'clear',
  'docker', 'dockerd', 'systemctl', 'service', 'journalctl', 'ip', 'iptables', 'iptables-save', 'ping', 'traceroute',
  'curl', 'wget', 'nslookup', 'dig', 'nc', 'netstat', 'ss', 'brctl', 'bridge', 'arp', 'route', 'tcpdump', 'conntrack',
  'ssh', 'history', 'nano', 'vi', 'ps', 'nsenter', 'ethtool',
]);

export const LAPTOP_TOOLS: ReadonlySet<string> = new Set([
  'bash', 'sh', 'ls', 'cat', 'echo', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'uniq', 'tr', 'env', 'hostname',
  'sleep', 'clear', 'ip', 'ping', 'traceroute', 'curl', 'wget', 'nslookup', 'dig', 'nc', 'ssh', 'history', 'true', 'false',
]);
