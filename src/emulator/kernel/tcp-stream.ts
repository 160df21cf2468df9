/**
 * A raw TCP conversation, for `nc host port` (and `echo PING | nc redis
 * 6379`): the bytes the client sends in, the bytes the server sends back,
 * and when the server closes. HTTP servers parse the text as a request
 * (`printf 'GET / HTTP/1.0\r\n\r\n' | nc web 80`), redis answers its inline
 * commands, sshd sends its banner. The timeouts are the servers' defaults:
 * nginx closes an idle keep-alive connection after 65 s (keepalive_timeout)
 * and a connection that never sent a request after 60 s
 * (client_header_timeout); sshd's LoginGraceTime is 120 s.
 */
import type { LabCtx } from '../world/ctx';
import { tcpConnect } from '../net/transport';
import { nginxErrorPage, statusLine, httpDate } from '../commands/netfmt/index';
import { SSH_BANNER, serveHttp, type HttpRequest, type TcpConnection } from './http-server';

export interface StreamReply {
  /** What the server sends. */
  data: string;
  /** The server closes after this much virtual time; undefined when it never does by itself. */
  closeAfterMs?: number;
}

function parseRequest(input: string): HttpRequest | 'incomplete' | 'bad' {
  const end = input.search(/\r?\n\r?\n/);
  if (end < 0) return 'incomplete';
  const [first, ...lines] = input.slice(0, end).split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) HTTP\/(1\.[01])$/.exec(first.trim());
  if (!m) return 'bad';
  const headers: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const conn = headers.connection?.toLowerCase();
  const keepAlive = m[3] === '1.1' ? conn !== 'close' : conn === 'keep-alive';
  return { method: m[1], path: m[2], host: headers.host ?? '', userAgent: headers['user-agent'] ?? '-', keepAlive };
}

function badRequest(now: number): string {
  const body = nginxErrorPage(400);
  return `HTTP/1.1 400 Bad Request\r\nServer: nginx/1.27.3\r\nDate: ${httpDate(now)}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
}

function streamHttp(ctx: LabCtx, conn: TcpConnection, input: string, depth: number): StreamReply {
  const req = parseRequest(input);
  if (req === 'incomplete') return { data: '', closeAfterMs: 60000 };
  if (req === 'bad') return { data: badRequest(ctx.clock.now()), closeAfterMs: 0 };
  const reply = serveHttp(ctx, conn, req, depth);
  switch (reply.kind) {
    case 'http': {
      const r = reply.response;
      const head = [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `${l}\r\n`).join('');
      const closes = r.httpVersion === '1.0' || req.keepAlive === false;
      return { data: head + r.body, closeAfterMs: closes ? 0 : 65000 };
    }
    case 'raw':
      return { data: reply.data, closeAfterMs: 0 };
    case 'closed':
      return { data: '', closeAfterMs: reply.afterMs };
    default:
      return { data: '' };
  }
}

/** Redis' inline protocol, line by line: enough for PING, ECHO, SET/GET and QUIT. */
function streamRedis(input: string): StreamReply {
  const store = new Map<string, string>();
  let out = '';
  for (const line of input.split(/\r?\n/)) {
    const [cmd, ...args] = line.trim().split(/\s+/).filter(Boolean);
    if (!cmd) continue;
    const c = cmd.toUpperCase();
    if (c === 'HOST:' || c === 'POST') return { data: out, closeAfterMs: 0 };
    if (c === 'PING') out += args.length ? `$${args[0].length}\r\n${args[0]}\r\n` : '+PONG\r\n';
    else if (c === 'ECHO' && args.length === 1) out += `$${args[0].length}\r\n${args[0]}\r\n`;
    else if (c === 'SET' && args.length === 2) {
      store.set(args[0], args[1]);
      out += '+OK\r\n';
    } else if (c === 'GET' && args.length === 1) {
      const v = store.get(args[0]);
      out += v === undefined ? '$-1\r\n' : `$${v.length}\r\n${v}\r\n`;
    } else if (c === 'QUIT') return { data: out + '+OK\r\n', closeAfterMs: 0 };
    else if (['PING', 'ECHO', 'SET', 'GET'].includes(c)) out += `-ERR wrong number of arguments for '${c.toLowerCase()}' command\r\n`;
    else out += `-ERR unknown command '${cmd}', with args beginning with: ${args.map((a) => `'${a}' `).join('')}\r\n`;
  }
  return { data: out };
}

/** What the server on the other end of `conn` sends back for `input`. */
export function serveStream(ctx: LabCtx, conn: TcpConnection, input: string, depth = 0): StreamReply {
  const svc = conn.socket.service;
  switch (svc.kind) {
    case 'http':
      return streamHttp(ctx, conn, input, depth);
    case 'docker-proxy': {
      if (depth >= 4) return { data: '', closeAfterMs: 0 };
      const inner = tcpConnect(ctx, conn.server, svc.targetIp, svc.targetPort);
      if (inner.kind === 'connected') return serveStream(ctx, inner, input, depth + 1);
      return { data: '', closeAfterMs: inner.kind === 'timeout' ? 130000 : 0 };
    }
    case 'redis':
      return streamRedis(input);
    case 'sshd':
      if (input === '') return { data: `${SSH_BANNER}\r\n`, closeAfterMs: 120000 };
      if (input.startsWith('SSH-')) return { data: `${SSH_BANNER}\r\n`, closeAfterMs: 120000 };
      return { data: `${SSH_BANNER}\r\nInvalid SSH identification string.\r\n`, closeAfterMs: 0 };
    case 'postgres':
      return input === '' ? { data: '', closeAfterMs: 60000 } : { data: '', closeAfterMs: 0 };
    default:
      return { data: '' };
  }
}
