/**
 * strerror() texts for the socket errors the tools print. Alpine's BusyBox
 * is linked against musl, debian's tools against glibc, and the two libcs
 * word some errors differently (musl `src/errno/__strerror.h`, glibc
 * `sysdeps/gnu/errlist.h`).
 */
export type SocketErrno = 'ECONNREFUSED' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'ECONNRESET' | 'EINPROGRESS';
export type Libc = 'musl' | 'glibc';

const GLIBC: Record<SocketErrno, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  ECONNRESET: 'Connection reset by peer',
  EINPROGRESS: 'Operation now in progress',
};

const MUSL: Record<SocketErrno, string> = {
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Operation timed out',
  EHOSTUNREACH: 'Host is unreachable',
  ENETUNREACH: 'Network unreachable',
  ECONNRESET: 'Connection reset by peer',
  EINPROGRESS: 'Operation in progress',
};

export function strerror(code: SocketErrno, libc: Libc): string {
  return (libc === 'musl' ? MUSL : GLIBC)[code];
}
