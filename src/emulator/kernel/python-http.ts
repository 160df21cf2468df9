/**
 * Python's `http.server` (SimpleHTTPRequestHandler, Python 3.13): a
 * directory listing of the working directory, HTTP/1.0, and a request log
 * on stderr in BaseHTTPRequestHandler.log_message's format:
 * `172.18.0.3 - - [12/Jan/2026 09:00:05] "GET / HTTP/1.1" 200 -`.
 */
import { httpDate, type HttpResponseView } from '../commands/netfmt/index';

/** The python image's `/` as `ls -a` shows it: entries and whether each is a directory or a symlink to one. */
const ROOT: [string, 'dir' | 'link' | 'file'][] = [
  ['.dockerenv', 'file'], ['bin', 'link'], ['boot', 'dir'], ['dev', 'dir'], ['etc', 'dir'], ['home', 'dir'], ['lib', 'link'],
  ['lib64', 'link'], ['media', 'dir'], ['mnt', 'dir'], ['opt', 'dir'], ['proc', 'dir'], ['root', 'dir'], ['run', 'dir'],
  ['sbin', 'link'], ['srv', 'dir'], ['sys', 'dir'], ['tmp', 'dir'], ['usr', 'dir'], ['var', 'dir'],
];

export const PYTHON_SERVER = 'SimpleHTTP/0.6 Python/3.13.5';

/** list_directory(): directories link with a trailing "/", symlinks show a trailing "@". */
function listing(): string {
  const items = ROOT.map(([name, kind]) => {
    const link = kind === 'file' ? name : `${name}/`;
    const shown = kind === 'link' ? `${name}@` : link;
    return `<li><a href="${link}">${shown}</a></li>`;
  });
  return ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<title>Directory listing for /</title>', '</head>',
    '<body>', '<h1>Directory listing for /</h1>', '<hr>', '<ul>', ...items, '</ul>', '<hr>', '</body>', '</html>', ''].join('\n');
}

function notFound(): string {
  return ['<!DOCTYPE HTML>', '<html lang="en">', '    <head>', '        <meta charset="utf-8">', '        <title>Error response</title>', '    </head>',
    '    <body>', '        <h1>Error response</h1>', '        <p>Error code: 404</p>', '        <p>Message: File not found.</p>',
    '        <p>Error code explanation: 404 - Nothing matches the given URI.</p>', '    </body>', '</html>', ''].join('\n');
}

export function pythonHttpResponse(req: { path: string; dateMs: number }): HttpResponseView {
  const path = req.path.split('?')[0];
  const found = path === '/' || path === '/index.html';
  const body = found ? listing() : notFound();
  const type = found ? 'text/html; charset=utf-8' : 'text/html;charset=utf-8';
  const headers: [string, string][] = [['Server', PYTHON_SERVER], ['Date', httpDate(req.dateMs)]];
  if (!found) headers.push(['Connection', 'close']);
  headers.push(['Content-type', type], ['Content-Length', String(body.length)]);
  return { httpVersion: '1.0', status: found ? 200 : 404, reason: found ? 'OK' : 'File not found', headers, body };
}
