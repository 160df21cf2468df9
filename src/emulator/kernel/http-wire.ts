/**
 * An HTTP exchange as its segments cross the wire (net/tcp-conversation.ts):
 * the request the client writes, the server's answer, and who closes first —
 * the server when the exchange is HTTP/1.0 or says `Connection: close`
 * (BusyBox wget asks for that), else the client once it has read the answer
 * (curl and GNU wget exit and close their keep-alive connection).
 */
import type { LabCtx } from '../world/ctx';
import type { HttpRequest, ServerReply, TcpConnection } from './http-server';
import { converse } from '../net/tcp-conversation';
import { statusLine } from '../commands/netfmt/http-content';

/** The request as curl and wget write it (their headers, in their order). */
export function requestText(req: HttpRequest): string {
  if (req.tls) return tlsClientHello();
  const close = req.keepAlive === false ? 'Connection: close\r\n' : '';
  return `${req.method} ${req.path} HTTP/1.1\r\nHost: ${req.host}\r\nUser-Agent: ${req.userAgent}\r\nAccept: */*\r\n${close}\r\n`;
}

/** A TLS 1.3 ClientHello is 517 bytes from curl/OpenSSL 3 (record type 0x16, version 0x0301). */
function tlsClientHello(): string {
  const head = '\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03';
  return head + '\x00'.repeat(517 - head.length);
}

function replyText(reply: ServerReply): string {
  switch (reply.kind) {
    case 'http': {
      const r = reply.response;
      const head = [statusLine(r), ...r.headers.map(([k, v]) => `${k}: ${v}`), ''].map((l) => `${l}\r\n`).join('');
      return head + r.body;
    }
    case 'raw':
      return reply.data;
    default:
      return '';
  }
}

function serverClosesFirst(req: HttpRequest, reply: ServerReply): boolean {
  if (reply.kind !== 'http') return true;
  const r = reply.response;
  const connection = r.headers.find(([k]) => k.toLowerCase() === 'connection')?.[1]?.toLowerCase();
  return r.httpVersion === '1.0' || req.keepAlive === false || connection === 'close';
}

/**
 * Sends the request on `conn`, lets `answer` compute the reply (a proxy
 * opens its own connection meanwhile), then sends the reply and the close.
 * A server that holds the connection without answering sends nothing more.
 */
export function exchangeOnWire(ctx: LabCtx, conn: TcpConnection, req: HttpRequest, answer: () => ServerReply): ServerReply {
  const wire = converse(ctx, conn).clientSends(requestText(req));
  const reply = answer();
  if (reply.kind === 'silent') return reply;
  wire.serverSends(replyText(reply)).close(serverClosesFirst(req, reply) ? 'server' : 'client');
  return reply;
}
