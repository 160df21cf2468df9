import { describe, expect, it } from 'vitest';
import { curlError, curlHeaderBlock, curlVerboseDone, curlVerboseFailure, curlVerboseRequest, curlVerboseResponse } from './curl';
import { nginxResponse } from './http-content';

const DATE = Date.UTC(2026, 10, 23, 19, 37, 7);
const target = { host: 'web', ip: '172.17.0.3', port: 80, version: '7.88.1' };

describe('curl 7.88 errors (Debian 12 transcripts)', () => {
  it('resolve, connect, timeouts, -f, bad URL', () => {
    expect(curlError({ code: 6, host: 'web' })).toBe('curl: (6) Could not resolve host: web\n');
    expect(curlError({ code: 7, host: 'web', ip: '172.18.0.2', port: 80, elapsedMs: 0 })).toBe(
      "curl: (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server\n",
    );
    expect(curlError({ code: 28, phase: 'connect-timeout', host: '10.99.0.1', ip: '10.99.0.1', port: 80, elapsedMs: 2000 })).toBe(
      'curl: (28) Failed to connect to 10.99.0.1 port 80 after 2000 ms: Timeout was reached\n',
    );
    expect(curlError({ code: 28, phase: 'max-time', elapsedMs: 3001 })).toBe('curl: (28) Connection timed out after 3001 milliseconds\n');
    expect(curlError({ code: 28, phase: 'max-time', elapsedMs: 5001, received: 0 })).toBe(
      'curl: (28) Operation timed out after 5001 milliseconds with 0 bytes received\n',
    );
    expect(curlError({ code: 22, status: 404 })).toBe('curl: (22) The requested URL returned error: 404\n');
    expect(curlError({ code: 3 })).toBe('curl: (3) URL using bad/illegal format or missing URL\n');
  });
  it('curl 8 wording for (7) (unverified style)', () => {
    expect(curlError({ code: 7, host: 'web', ip: '172.18.0.2', port: 80, elapsedMs: 1 }, '8')).toBe(
      'curl: (7) Failed to connect to web port 80 after 1 ms: Could not connect to server\n',
    );
  });
});

describe('curl -v (7.88 on a terminal)', () => {
  it('request, response, done', () => {
    const r = nginxResponse({ path: '/nope', dateMs: DATE });
    const out = curlVerboseRequest({ ...target, path: '/nope' }) + curlVerboseResponse(r) + curlVerboseDone('web');
    expect(out).toBe(
      '*   Trying 172.17.0.3:80...\n' +
        '* Connected to web (172.17.0.3) port 80 (#0)\n' +
        '> GET /nope HTTP/1.1\r\n> Host: web\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 404 Not Found\r\n< Server: nginx/1.27.3\r\n< Date: Mon, 23 Nov 2026 19:37:07 GMT\r\n' +
        '< Content-Type: text/html\r\n< Content-Length: 153\r\n< Connection: keep-alive\r\n< \r\n' +
        '* Connection #0 to host web left intact\n',
    );
  });
  it('a non-default port goes into the Host header', () => {
    expect(curlVerboseRequest({ ...target, port: 8080 })).toContain('> Host: web:8080\r\n');
  });
  it('failures', () => {
    const refused = { code: 7 as const, host: 'web', ip: '172.17.0.3', port: 81, elapsedMs: 0 };
    expect(curlVerboseFailure(refused, { ...target, port: 81 })).toBe(
      '*   Trying 172.17.0.3:81...\n* connect to 172.17.0.3 port 81 failed: Connection refused\n' +
        "* Failed to connect to web port 81 after 0 ms: Couldn't connect to server\n* Closing connection 0\n",
    );
    expect(curlVerboseFailure({ code: 6, host: 'nosuch' }, undefined)).toBe('* Could not resolve host: nosuch\n* Closing connection 0\n');
    const slow = { code: 28 as const, phase: 'connect-timeout' as const, host: '10.99.0.1', ip: '10.99.0.1', port: 80, elapsedMs: 1000 };
    expect(curlVerboseFailure(slow, { host: '10.99.0.1', ip: '10.99.0.1', port: 80, version: '7.88.1' })).toBe(
      '*   Trying 10.99.0.1:80...\n* ipv4 connect timeout after 1000ms, move on!\n' +
        '* Failed to connect to 10.99.0.1 port 80 after 1000 ms: Timeout was reached\n* Closing connection 0\n',
    );
  });
  it('curl 8 style adds resolve and request-sent lines (unverified)', () => {
    const out = curlVerboseRequest({ ...target, ip: '172.18.0.2', version: '8.14.1' }, '8');
    expect(out).toBe(
      '* Host web:80 was resolved.\n* IPv6: (none)\n* IPv4: 172.18.0.2\n*   Trying 172.18.0.2:80...\n' +
        '* Connected to web (172.18.0.2) port 80\n* using HTTP/1.x\n' +
        '> GET / HTTP/1.1\r\n> Host: web\r\n> User-Agent: curl/8.14.1\r\n> Accept: */*\r\n> \r\n* Request completely sent off\n',
    );
  });
});

describe('curl -I', () => {
  it('CRLF header block; bold names on a terminal (7.88 transcript)', () => {
    const r = nginxResponse({ path: '/', dateMs: DATE });
    expect(curlHeaderBlock(r)).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.27.3\r\nDate: Mon, 23 Nov 2026 19:37:07 GMT\r\nContent-Type: text/html\r\n' +
        'Content-Length: 615\r\nLast-Modified: Tue, 26 Nov 2024 15:55:00 GMT\r\nConnection: keep-alive\r\n' +
        'ETag: "6745ef54-267"\r\nAccept-Ranges: bytes\r\n\r\n',
    );
    expect(curlHeaderBlock(r, { styled: true }).split('\r\n').slice(0, 2)).toEqual(['HTTP/1.1 200 OK', '\x1b[1mServer\x1b[0m: nginx/1.27.3']);
  });
});
