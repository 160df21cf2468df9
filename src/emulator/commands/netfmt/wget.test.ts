import { describe, expect, it } from 'vitest';
import { nginxResponse } from './http-content';
import {
  smartUlltoa5, WGET_SPIDER_OK, wgetBadAddress, wgetCantConnect, wgetConnecting, wgetDone, wgetFileExists, wgetProgress,
  wgetSaving, wgetServerError, wgetServerResponse,
} from './wget';

describe('BusyBox wget (1.35 transcripts)', () => {
  it('wget -O- web', () => {
    expect(wgetConnecting('web', '172.17.0.3', 80) + wgetSaving('-') + wgetProgress('-', 615) + wgetDone('-')).toBe(
      'Connecting to web (172.17.0.3:80)\n' +
        'writing to stdout\n' +
        '-                    100% |********************************|   615  0:00:00 ETA\n' +
        'written to stdout\n',
    );
  });
  it('wget web (saves index.html)', () => {
    expect(wgetSaving('index.html') + wgetProgress('index.html', 615) + wgetDone('index.html')).toBe(
      "saving to 'index.html'\n" +
        'index.html           100% |********************************|   615  0:00:00 ETA\n' +
        "'index.html' saved\n",
    );
  });
  it('bar length follows the terminal; too narrow drops it', () => {
    expect(wgetProgress('-', 615, 60)).toBe('-                    100% |************|   615  0:00:00 ETA\n');
    expect(wgetProgress('-', 615, 50)).toBe('-                    100%   615  0:00:00 ETA\n');
  });
  it('sizes in five columns', () => {
    expect(smartUlltoa5(615)).toBe('  615');
    expect(smartUlltoa5(99999)).toBe('99999');
    expect(smartUlltoa5(1234567)).toBe('1205k');
    expect(smartUlltoa5(100000)).toBe('97.6k');
    expect(smartUlltoa5(96_600_000)).toBe('92.1M');
  });
  it('errors and port in the URL', () => {
    expect(wgetConnecting('web:81', '172.17.0.3', 81)).toBe('Connecting to web:81 (172.17.0.3:81)\n');
    expect(wgetBadAddress('nosuch')).toBe("wget: bad address 'nosuch'\n");
    expect(wgetCantConnect('172.17.0.3', 'Connection refused')).toBe("wget: can't connect to remote host (172.17.0.3): Connection refused\n");
    expect(wgetServerError(nginxResponse({ path: '/nope', dateMs: 0 }))).toBe('wget: server returned error: HTTP/1.1 404 Not Found\n');
    expect(wgetFileExists('index.html')).toBe("wget: can't open 'index.html': File exists\n");
    expect(WGET_SPIDER_OK).toBe('remote file exists\n');
  });
  it('-S indents the response by two spaces', () => {
    const r = nginxResponse({ path: '/', dateMs: Date.UTC(2026, 10, 23, 19, 27, 20), keepAlive: false });
    expect(wgetServerResponse(r)).toBe(
      '  HTTP/1.1 200 OK\n  Server: nginx/1.27.3\n  Date: Mon, 23 Nov 2026 19:27:20 GMT\n  Content-Type: text/html\n' +
        '  Content-Length: 615\n  Last-Modified: Tue, 26 Nov 2024 15:55:00 GMT\n  Connection: close\n' +
        '  ETag: "6745ef54-267"\n  Accept-Ranges: bytes\n  \n',
    );
  });
});
