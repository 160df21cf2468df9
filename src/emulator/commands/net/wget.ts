/**
 * `wget`: BusyBox's applet in alpine/busybox images (wget-busybox.ts), GNU
 * Wget on the host, the laptop and GNU images (wget-gnu.ts). Both resolve
 * through the process's resolver, connect through the model and read the
 * answer of kernel/http-server.
 */
import type { CommandSpec } from '../types';
import { busyboxWget } from './wget-busybox';
import { gnuWget } from './wget-gnu';

export const wget: CommandSpec = {
  name: 'wget',
  usage: 'wget [OPTION]... [URL]...',
  summary: 'The non-interactive network downloader',
  run(ctx) {
    return ctx.scope.userland === 'busybox' ? busyboxWget(ctx) : gnuWget(ctx);
  },
};
