/**
 * What the simulated internet's web servers answer, per site. Each page is
 * small and plausible, not a copy of the real site: google.com answers a
 * `301 Moved` to www.google.com exactly as the real one does (the 219-byte
 * body, `Server: gws`, a 30-day cache), docker.com redirects to https, and
 * example.com serves its well-known "Example Domain" page. A name the lab
 * does not know (or a bare address) gets the default server's 404.
 */
import { INTERNET_HOSTS } from '../world/addresses';
import { httpDate, nginxErrorPage, type HttpResponseView } from '../commands/netfmt/index';

const GOOGLE_MOVED =
  '<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n' +
  '<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n' +
  '<A HREF="http://www.google.com/">here</A>.\r\n</BODY></HTML>\r\n';

/** www.google.com's home page, abridged to a few lines (the real one is ~50 kB of script). */
const GOOGLE_HOME =
  '<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="en"><head>' +
  '<meta content="text/html; charset=UTF-8" http-equiv="Content-Type"><title>Google</title></head>' +
  '<body><center><br clear="all" id="lgpd"><div id="lga"><b>Google</b></div>' +
  '<form action="/search" name="f"><input name="q" size="57" title="Google Search" value="">' +
  '<input name="btnG" type="submit" value="Google Search"></form></center></body></html>';

/** example.com's classic page (IANA's, the version served until late 2025). */
const EXAMPLE_HTML = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

/** The redirect page of nginx-style front ends (Cloudflare's says `cloudflare` in the tail). */
function movedPage(server: string): string {
  return `<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
}

function response(status: number, reason: string, headers: [string, string][], body: string): HttpResponseView {
  return { httpVersion: '1.1', status, reason, headers, body };
}

function google(path: string, dateMs: number, https: boolean): HttpResponseView {
  const expires = httpDate(dateMs + 30 * 86400_000);
  return response(301, 'Moved Permanently', [
    ['Location', `${https ? 'https' : 'http'}://www.google.com${path}`],
    ['Content-Type', 'text/html; charset=UTF-8'],
    ['Date', httpDate(dateMs)],
    ['Expires', expires],
    ['Cache-Control', 'public, max-age=2592000'],
    ['Server', 'gws'],
    ['Content-Length', String(GOOGLE_MOVED.length)],
    ['X-XSS-Protection', '0'],
    ['X-Frame-Options', 'SAMEORIGIN'],
  ], GOOGLE_MOVED);
}

function googleHome(dateMs: number): HttpResponseView {
  return response(200, 'OK', [
    ['Date', httpDate(dateMs)],
    ['Expires', '-1'],
    ['Cache-Control', 'private, max-age=0'],
    ['Content-Type', 'text/html; charset=ISO-8859-1'],
    ['Server', 'gws'],
    ['Content-Length', String(GOOGLE_HOME.length)],
    ['X-XSS-Protection', '0'],
    ['X-Frame-Options', 'SAMEORIGIN'],
  ], GOOGLE_HOME);
}

function example(dateMs: number): HttpResponseView {
  return response(200, 'OK', [
    ['Content-Type', 'text/html'],
    ['ETag', '"84238dfc8092e5d9c0dac8ef93371a07:1736799080.121134"'],
    ['Last-Modified', 'Mon, 13 Jan 2025 20:11:20 GMT'],
    ['Cache-Control', 'max-age=1630'],
    ['Date', httpDate(dateMs)],
    ['Content-Length', String(EXAMPLE_HTML.length)],
    ['Connection', 'keep-alive'],
  ], EXAMPLE_HTML);
}

function toHttps(host: string, path: string, dateMs: number): HttpResponseView {
  const body = movedPage('cloudflare');
  return response(301, 'Moved Permanently', [
    ['Date', httpDate(dateMs)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(body.length)],
    ['Connection', 'keep-alive'],
    ['Location', `https://${host}${path}`],
    ['Server', 'cloudflare'],
  ], body);
}

function dockerPage(site: string, dateMs: number): HttpResponseView {
  const body = `<!DOCTYPE html><html lang="en"><head><title>Docker: Accelerated Container Application Development</title></head><body><h1>${site}</h1></body></html>\n`;
  return response(200, 'OK', [
    ['Date', httpDate(dateMs)],
    ['Content-Type', 'text/html; charset=UTF-8'],
    ['Content-Length', String(body.length)],
    ['Connection', 'keep-alive'],
    ['Server', 'cloudflare'],
  ], body);
}

function notFound(dateMs: number): HttpResponseView {
  // A front end with `server_tokens off` prints no version in the page's tail.
  const page = nginxErrorPage(404, '').replace('nginx/</center>', 'nginx</center>');
  return response(404, 'Not Found', [
    ['Server', 'nginx'],
    ['Date', httpDate(dateMs)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(page.length)],
    ['Connection', 'keep-alive'],
  ], page);
}

/** The site a request is for: the Host header's name, else the public name of the address it reached. */
export function internetSiteName(hostHeader: string | undefined, dstIp: string): string | undefined {
  const name = hostHeader?.replace(/:\d+$/, '').toLowerCase();
  if (name && INTERNET_HOSTS[name]) return name;
  return Object.keys(INTERNET_HOSTS).find((n) => INTERNET_HOSTS[n] === dstIp);
}

/** An HTTP(S) request to a public site. `https` is whether the request came over TLS. */
export function internetResponse(site: string | undefined, path: string, dateMs: number, https: boolean): HttpResponseView {
  switch (site) {
    case 'google.com':
      return google(path, dateMs, https);
    case 'www.google.com':
      return googleHome(dateMs);
    case 'example.com':
      return example(dateMs);
    case 'docker.com':
      return toHttps('www.docker.com', path, dateMs);
    case 'www.docker.com':
    case 'hub.docker.com':
      return https ? dockerPage(site, dateMs) : toHttps(site, path, dateMs);
    default:
      return notFound(dateMs);
  }
}

/** nginx's answer to plain HTTP on its TLS port. */
export function plainHttpOnTlsPort(dateMs: number): HttpResponseView {
  const body =
    '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n' +
    '<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n' +
    '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  return response(400, 'Bad Request', [
    ['Server', 'nginx'],
    ['Date', httpDate(dateMs)],
    ['Content-Type', 'text/html'],
    ['Content-Length', String(body.length)],
    ['Connection', 'close'],
  ], body);
}
