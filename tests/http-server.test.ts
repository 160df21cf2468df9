/**
 * The servers behind sockets (kernel/http-server, kernel/tcp-stream), reached
 * through real handshakes in the model.
 */
import { describe, expect, it } from 'vitest';
import { newLab, run } from './helpers/engine';
import { tcpConnect } from '../src/emulator/net/transport';
import { serveHttp, SSH_BANNER, type HttpRequest, type TcpConnection } from '../src/emulator/kernel/http-server';
import { serveStream } from '../src/emulator/kernel/tcp-stream';
import type { EmulatedLab } from '../src/emulator/lab';

const GET: HttpRequest = { method: 'GET', path: '/', host: 'x', userAgent: 'curl/7.88.1' };

function connect(lab: EmulatedLab, ip: string, port: number, from = 'node1'): TcpConnection {
  const c = tcpConnect(lab.ctx, lab.ctx.rootNs(from), ip, port);
  if (c.kind !== 'connected') throw new Error(`not connected: ${c.kind}`);
  return c;
}

describe('serveHttp', () => {
  it('httpd says It works!, webapp says Hello world!', () => {
    const lab = newLab();
    run(lab, { name: 'apache', image: 'httpd', cmd: [] });
    run(lab, { name: 'webapp', image: 'training/webapp', cmd: [] });
    const a = serveHttp(lab.ctx, connect(lab, '172.17.0.2', 80), GET);
    expect(a.kind === 'http' && a.response.body).toBe('<html><body><h1>It works!</h1></body></html>\n');
    const w = serveHttp(lab.ctx, connect(lab, '172.17.0.3', 5000), GET);
    expect(w.kind === 'http' && [w.response.httpVersion, w.response.body]).toEqual(['1.0', 'Hello world!']);
  });

  it('HEAD keeps the headers and drops the body; nginx logs 0 bytes sent', () => {
    const lab = newLab();
    const c = run(lab, { name: 'web', image: 'nginx', cmd: [] });
    const r = serveHttp(lab.ctx, connect(lab, '172.17.0.2', 80), { ...GET, method: 'HEAD' });
    expect(r.kind === 'http' && r.response.body).toBe('');
    expect(r.kind === 'http' && r.response.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('615');
    expect(c.logs.at(-1)!.line).toBe('172.17.0.1 - - [12/Jan/2026:09:00:00 +0000] "HEAD / HTTP/1.1" 200 0 "-" "curl/7.88.1" "-"');
    const post = serveHttp(lab.ctx, connect(lab, '172.17.0.2', 80), { ...GET, method: 'POST' });
    expect(post.kind === 'http' && post.response.status).toBe(405);
  });

  it('docker-proxy relays through a new connection from the host', () => {
    const lab = newLab();
    const c = run(lab, { name: 'web', image: 'nginx', cmd: [], portBindings: { '80/tcp': [{ hostIp: '', hostPort: '8080' }] } });
    const conn = connect(lab, '127.0.0.1', 8080);
    expect(conn.socket.service.kind).toBe('docker-proxy');
    const r = serveHttp(lab.ctx, conn, GET);
    expect(r.kind === 'http' && r.response.status).toBe(200);
    expect(c.logs.at(-1)!.line.startsWith('172.17.0.1 - - ')).toBe(true);
  });

  it('sshd, redis and postgres are not HTTP servers', () => {
    const lab = newLab();
    run(lab, { name: 'red', image: 'redis', cmd: [] });
    run(lab, { name: 'pg', image: 'postgres', cmd: [] });
    expect(serveHttp(lab.ctx, connect(lab, '192.168.1.50', 22), GET)).toEqual({ kind: 'raw', data: `${SSH_BANNER}\r\nInvalid SSH identification string.\r\n` });
    expect(serveHttp(lab.ctx, connect(lab, '172.17.0.2', 6379), GET)).toEqual({ kind: 'raw', data: "-ERR wrong number of arguments for 'get' command\r\n" });
    expect(serveHttp(lab.ctx, connect(lab, '172.17.0.3', 5432), GET)).toEqual({ kind: 'closed', afterMs: 0 });
  });

  it('the internet: google.com redirects, plain HTTP to port 443 gets nginx 400', () => {
    const lab = newLab();
    const g = serveHttp(lab.ctx, connect(lab, '142.250.185.78', 80), { ...GET, host: 'google.com' });
    expect(g.kind === 'http' && [g.response.status, g.response.body.length]).toEqual([301, 219]);
    const tls = serveHttp(lab.ctx, connect(lab, '142.250.185.78', 443), { ...GET, host: 'google.com' });
    expect(tls.kind === 'http' && tls.response.status).toBe(400);
    const https = serveHttp(lab.ctx, connect(lab, '93.184.215.14', 443), { ...GET, host: 'example.com', tls: true });
    expect(https.kind === 'http' && https.response.status).toBe(200);
  });
});

describe('serveStream (nc)', () => {
  it('an HTTP/1.0 request gets the response and the server closes', () => {
    const lab = newLab();
    run(lab, { name: 'web', image: 'nginx', cmd: [] });
    const r = serveStream(lab.ctx, connect(lab, '172.17.0.2', 80), 'GET / HTTP/1.0\r\n\r\n');
    expect(r.data.startsWith('HTTP/1.1 200 OK\r\nServer: nginx/1.27.5\r\n')).toBe(true);
    expect(r.data).toContain('Connection: close\r\n');
    expect(r.closeAfterMs).toBe(0);
    expect(serveStream(lab.ctx, connect(lab, '172.17.0.2', 80), '')).toEqual({ data: '', closeAfterMs: 60000 });
    expect(serveStream(lab.ctx, connect(lab, '172.17.0.2', 80), 'hello\r\n\r\n').data).toContain('400 Bad Request');
  });

  it('redis inline commands and sshd banner', () => {
    const lab = newLab();
    run(lab, { name: 'red', image: 'redis', cmd: [] });
    expect(serveStream(lab.ctx, connect(lab, '172.17.0.2', 6379), 'PING\nSET k v\nGET k\nFOO\n')).toEqual({
      data: "+PONG\r\n+OK\r\n$1\r\nv\r\n-ERR unknown command 'FOO', with args beginning with: \r\n",
    });
    expect(serveStream(lab.ctx, connect(lab, '172.17.0.2', 6379), 'QUIT\n')).toEqual({ data: '+OK\r\n', closeAfterMs: 0 });
    expect(serveStream(lab.ctx, connect(lab, '192.168.1.50', 22), '').data).toBe(`${SSH_BANNER}\r\n`);
  });
});
