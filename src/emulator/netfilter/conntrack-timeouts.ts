/**
 * Connection states and timeouts as Linux keeps them (nf_conntrack_proto_tcp.c
 * tcp_timeouts[], nf_conntrack_proto_udp.c, nf_conntrack_proto_icmp.c,
 * nf_conntrack_proto_generic.c defaults), in virtual milliseconds. The TCP
 * state machine is the common path of tcp_conntracks[][], not every corner.
 */
import type { Packet } from '../net/packet';

export type TcpCtState = 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT' | 'CLOSE_WAIT' | 'LAST_ACK' | 'TIME_WAIT' | 'CLOSE';

const SEC = 1000;

export const TCP_TIMEOUTS: Record<TcpCtState, number> = {
  SYN_SENT: 120 * SEC,
  SYN_RECV: 60 * SEC,
  ESTABLISHED: 432000 * SEC,
  FIN_WAIT: 120 * SEC,
  CLOSE_WAIT: 60 * SEC,
  LAST_ACK: 30 * SEC,
  TIME_WAIT: 120 * SEC,
  CLOSE: 10 * SEC,
};

/** nf_conntrack_udp_timeout / _stream, icmp_timeout, generic_timeout. */
export const UDP_TIMEOUT = 30 * SEC;
export const UDP_STREAM_TIMEOUT = 120 * SEC;
export const ICMP_TIMEOUT = 30 * SEC;
export const GENERIC_TIMEOUT = 600 * SEC;

export type Direction = 'original' | 'reply';

export interface TcpProgress {
  state: TcpCtState;
  /** Which side sent the first FIN. */
  finBy?: Direction;
  assured: boolean;
}

function has(pkt: Packet, flag: string): boolean {
  return (pkt.tcpFlags ?? []).includes(flag as never);
}

/** The next TCP state after `pkt` travelling in `dir`. */
export function nextTcpState(cur: TcpProgress, dir: Direction, pkt: Packet): TcpProgress {
  if (has(pkt, 'RST')) return { ...cur, state: 'CLOSE' };
  const syn = has(pkt, 'SYN');
  const ack = has(pkt, 'ACK');
  const fin = has(pkt, 'FIN');
  switch (cur.state) {
    case 'SYN_SENT':
      return dir === 'reply' && syn && ack ? { ...cur, state: 'SYN_RECV' } : cur;
    case 'SYN_RECV':
      return dir === 'original' && ack && !syn ? { ...cur, state: 'ESTABLISHED', assured: true } : cur;
    case 'ESTABLISHED':
      return fin ? { ...cur, state: 'FIN_WAIT', finBy: dir } : cur;
    case 'FIN_WAIT':
      if (dir === cur.finBy) return cur;
      return fin ? { ...cur, state: 'LAST_ACK' } : ack ? { ...cur, state: 'CLOSE_WAIT' } : cur;
    case 'CLOSE_WAIT':
      return fin && dir !== cur.finBy ? { ...cur, state: 'LAST_ACK' } : cur;
    case 'LAST_ACK':
      return ack && dir === cur.finBy ? { ...cur, state: 'TIME_WAIT' } : cur;
    case 'TIME_WAIT':
      return syn && !ack && dir === 'original' ? { state: 'SYN_SENT', assured: cur.assured } : cur;
    default:
      return cur;
  }
}
