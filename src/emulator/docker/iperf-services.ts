/**
 * `iperf3 -s` and `iperf -s` as a container's main command (the netshoot
 * README: `docker service create … nicolaka/netshoot iperf -s -p 9999`): a
 * server that listens from the container's start, like an image's service.
 * Its socket is what the clients reach (commands/net/iperf-client.ts), its
 * output goes to `docker logs` (commands/net/iperf-servers.ts). The banner is
 * logged at start only with a tty, as for other stdio programs writing to a
 * pipe (iperf3 has --forceflush for that reason).
 */
import type { CommandService } from './command-services';

const PROGRAMS: Record<string, { program: 'iperf3' | 'iperf'; port: number }> = {
  iperf3: { program: 'iperf3', port: 5201 },
  iperf: { program: 'iperf', port: 5001 },
};

function portOf(args: readonly string[], dflt: number): number | undefined {
  let port = dflt;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p' || a === '--port') port = Number(args[++i]);
    else if (/^-p\d+$/.test(a)) port = Number(a.slice(2));
    else if (a.startsWith('-c') || a === '--client') return undefined;
  }
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? port : undefined;
}

function banner(program: 'iperf3' | 'iperf', port: number): string {
  const dashes = program === 'iperf3' ? '-'.repeat(59) : '-'.repeat(60);
  const middle = program === 'iperf3' ? `Server listening on ${port} (test #1)` : `Server listening on TCP port ${port}\nTCP window size: 85.3 KByte (default)`;
  return `${dashes}\n${middle}\n${dashes}`;
}

/** The iperf server a command line starts, if it is one (`-s` without `-c`). */
export function iperfCommandServices(argv: readonly string[]): CommandService[] {
  const known = PROGRAMS[(argv[0] ?? '').split('/').pop() ?? ''];
  if (!known || !(argv.includes('-s') || argv.includes('--server'))) return [];
  const port = portOf(argv.slice(1), known.port);
  if (port === undefined) return [];
  return [{ proto: 'tcp', port, ip: '0.0.0.0', program: known.program, service: { kind: 'listener', owner: known.program }, banner: banner(known.program, port) }];
}
