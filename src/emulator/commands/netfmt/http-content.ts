/**
 * What the course's images answer over HTTP: bodies and response headers of
 * nginx, Apache httpd and training/webapp, as plain data the HTTP service
 * model returns and curl/wget print.
 *
 * - nginx 1.27 `/usr/share/nginx/html/index.html` (615 bytes, with the
 *   `color-scheme` line added in 1.21). Static-file headers in nginx's order:
 *   Server, Date, Content-Type, Content-Length, Last-Modified, Connection,
 *   ETag, Accept-Ranges; the ETag is `"<mtime hex>-<size hex>"`.
 * - nginx error pages (`src/http/ngx_http_special_response.c`): CRLF line
 *   ends, `<hr><center>nginx/1.27.3</center>` tail; the 404 page is 153 bytes.
 *   Since 1.21.1 the body tag has no bgcolor.
 * - Apache httpd 2.4 `htdocs/index.html`: `<html><body><h1>It works!</h1></body></html>\n`
 *   (45 bytes, mtime 2007-06-11 18:53:14 UTC, hence ETag "2d-432a5e4a73a80";
 *   Apache's ETag is `"<size hex>-<mtime µs hex>"`). Header order: Date,
 *   Server, Last-Modified, ETag, Accept-Ranges, Content-Length, Content-Type.
 * - training/webapp (Flask on Werkzeug, Python 2.7): `Hello world!`
 *   (PROVIDER defaults to "world"), HTTP/1.0. The Werkzeug/Python versions
 *   in its Server header are NOT VERIFIED.
 * The mtimes of the image files are plausible values (nginx 1.27.3's release
 * day), not read from the images.
 */
import { httpDate } from './text';

export interface HttpResponseView {
  httpVersion: '1.0' | '1.1';
  status: number;
  reason: string;
  /** In the order the server sends them. */
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** `HTTP/1.1 200 OK` */
export function statusLine(r: HttpResponseView): string {
  return `HTTP/${r.httpVersion} ${r.status} ${r.reason}`;
}

export const NGINX_VERSION = '1.27.3';
/** Last-Modified of nginx's index.html in the image (plausible, see above). */
export const NGINX_INDEX_MTIME_MS = Date.UTC(2024, 10, 26, 15, 55, 0);

export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** nginx's built-in error page for a status (`404 Not Found` → 153 bytes with nginx/1.27.3). */
export function nginxErrorPage(status: number, version = NGINX_VERSION): string {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
  );
}

export interface NginxRequest {
  /** Request path; `/` and `/index.html` serve the welcome page, anything else 404. */
  path: string;
  /** Time of the response, for `Date:`. */
  dateMs: number;
  version?: string;
  /** HTTP/1.1 clients that do not ask for `Connection: close` (curl) get keep-alive; BusyBox wget asks for close. */
  keepAlive?: boolean;
  indexMtimeMs?: number;
}

/** The response nginx's default server gives for a GET or HEAD (HEAD: same headers; the caller drops the body). */
export function nginxResponse(req: NginxRequest): HttpResponseView {
  const version = req.version ?? NGINX_VERSION;
  const conn: [string, string] = ['Connection', req.keepAlive === false ? 'close' : 'keep-alive'];
  const head: [string, string][] = [
    ['Server', `nginx/${version}`],
    ['Date', httpDate(req.dateMs)],
    ['Content-Type', 'text/html'],
  ];
  const path = req.path.split('?')[0];
  if (path === '/' || path === '/index.html') {
    const mtime = req.indexMtimeMs ?? NGINX_INDEX_MTIME_MS;
    const size = NGINX_INDEX_HTML.length;
    const etag = `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
    head.push(['Content-Length', String(size)], ['Last-Modified', httpDate(mtime)], conn, ['ETag', etag], ['Accept-Ranges', 'bytes']);
    return { httpVersion: '1.1', status: 200, reason: 'OK', headers: head, body: NGINX_INDEX_HTML };
  }
  const body = nginxErrorPage(404, version);
  head.push(['Content-Length', String(body.length)], conn);
  return { httpVersion: '1.1', status: 404, reason: 'Not Found', headers: head, body };
}

export const APACHE_VERSION = '2.4.65';
export const APACHE_INDEX_HTML = '<html><body><h1>It works!</h1></body></html>\n';
export const APACHE_INDEX_MTIME_MS = Date.UTC(2007, 5, 11, 18, 53, 14);
export const APACHE_404_HTML =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n' +
  '</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

/** Apache httpd's answer (the official `httpd` image). */
export function apacheResponse(req: { path: string; dateMs: number; version?: string }): HttpResponseView {
  const server = `Apache/${req.version ?? APACHE_VERSION} (Unix)`;
  const path = req.path.split('?')[0];
  if (path === '/' || path === '/index.html') {
    const size = APACHE_INDEX_HTML.length;
    const etag = `"${size.toString(16)}-${(BigInt(APACHE_INDEX_MTIME_MS) * 1000n).toString(16)}"`;
    const headers: [string, string][] = [
      ['Date', httpDate(req.dateMs)],
      ['Server', server],
      ['Last-Modified', httpDate(APACHE_INDEX_MTIME_MS)],
      ['ETag', etag],
      ['Accept-Ranges', 'bytes'],
      ['Content-Length', String(size)],
      ['Content-Type', 'text/html'],
    ];
    return { httpVersion: '1.1', status: 200, reason: 'OK', headers, body: APACHE_INDEX_HTML };
  }
  const headers: [string, string][] = [
    ['Date', httpDate(req.dateMs)],
    ['Server', server],
    ['Content-Length', String(APACHE_404_HTML.length)],
    ['Content-Type', 'text/html; charset=iso-8859-1'],
  ];
  return { httpVersion: '1.1', status: 404, reason: 'Not Found', headers, body: APACHE_404_HTML };
}

export const WEBAPP_BODY = 'Hello world!';
/** NOT VERIFIED: the exact Werkzeug and Python versions inside training/webapp. */
export const WEBAPP_SERVER = 'Werkzeug/0.9.4 Python/2.7.6';

/** training/webapp (`python app.py`, Flask's development server, port 5000). */
export function webappResponse(req: { dateMs: number; provider?: string }): HttpResponseView {
  const body = `Hello ${req.provider ?? 'world'}!`;
  const headers: [string, string][] = [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Content-Length', String(body.length)],
    ['Server', WEBAPP_SERVER],
    ['Date', httpDate(req.dateMs)],
  ];
  return { httpVersion: '1.0', status: 200, reason: 'OK', headers, body };
}
