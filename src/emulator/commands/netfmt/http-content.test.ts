import { describe, expect, it } from 'vitest';
import {
  APACHE_404_HTML, APACHE_INDEX_HTML, apacheResponse, NGINX_INDEX_HTML, nginxErrorPage, nginxResponse, statusLine, webappResponse,
} from './http-content';

const DATE = Date.UTC(2026, 0, 12, 9, 0, 0);

describe('nginx', () => {
  it('the welcome page is 615 bytes and starts/ends as the real file', () => {
    expect(NGINX_INDEX_HTML.length).toBe(615);
    expect(NGINX_INDEX_HTML.startsWith('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n')).toBe(true);
    expect(NGINX_INDEX_HTML.endsWith('<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n')).toBe(true);
  });
  it('static headers in nginx order, ETag from mtime and size', () => {
    const r = nginxResponse({ path: '/', dateMs: DATE });
    expect(statusLine(r)).toBe('HTTP/1.1 200 OK');
    expect(r.headers).toEqual([
      ['Server', 'nginx/1.27.3'],
      ['Date', 'Mon, 12 Jan 2026 09:00:00 GMT'],
      ['Content-Type', 'text/html'],
      ['Content-Length', '615'],
      ['Last-Modified', 'Tue, 26 Nov 2024 15:55:00 GMT'],
      ['Connection', 'keep-alive'],
      ['ETag', '"6745ef54-267"'],
      ['Accept-Ranges', 'bytes'],
    ]);
  });
  it('404 page: CRLF, 153 bytes with nginx/1.27.3', () => {
    const body = nginxErrorPage(404);
    expect(body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
        '<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
    );
    const r = nginxResponse({ path: '/nope', dateMs: DATE, keepAlive: false });
    expect([r.status, r.reason, r.body.length]).toEqual([404, 'Not Found', 153]);
    expect(r.headers.map(([k]) => k)).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Connection']);
    expect(r.headers[4][1]).toBe('close');
  });
  it('other error pages and versions', () => {
    expect(nginxErrorPage(502, '1.25.5')).toContain('<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.5</center>');
    expect(nginxResponse({ path: '/index.html?x=1', dateMs: DATE }).status).toBe(200);
  });
});

describe('Apache httpd', () => {
  it('It works!, 45 bytes, the well-known ETag', () => {
    expect(APACHE_INDEX_HTML).toBe('<html><body><h1>It works!</h1></body></html>\n');
    const r = apacheResponse({ path: '/', dateMs: DATE });
    expect(r.headers).toEqual([
      ['Date', 'Mon, 12 Jan 2026 09:00:00 GMT'],
      ['Server', 'Apache/2.4.65 (Unix)'],
      ['Last-Modified', 'Mon, 11 Jun 2007 18:53:14 GMT'],
      ['ETag', '"2d-432a5e4a73a80"'],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', '45'],
      ['Content-Type', 'text/html'],
    ]);
  });
  it('404 page is 196 bytes', () => {
    const r = apacheResponse({ path: '/nope', dateMs: DATE });
    expect(r.body).toBe(APACHE_404_HTML);
    expect(r.body.length).toBe(196);
  });
});

describe('training/webapp', () => {
  it('Hello world! over HTTP/1.0', () => {
    const r = webappResponse({ dateMs: DATE });
    expect(statusLine(r)).toBe('HTTP/1.0 200 OK');
    expect(r.body).toBe('Hello world!');
    expect(r.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('12');
    expect(webappResponse({ dateMs: DATE, provider: 'docker' }).body).toBe('Hello docker!');
  });
});
