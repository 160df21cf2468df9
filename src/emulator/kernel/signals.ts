/**
 * Linux signal numbers (x86-64, signal(7)) and how Docker reads a signal
 * argument. `docker kill -s`, `docker stop -s` and an image's STOPSIGNAL go
 * through moby/sys/signal ParseSignal: a number as is (0 is invalid), else a
 * name, case-insensitive, with or without `SIG` (its SignalMap for linux).
 */

export const SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, IOT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12,
  PIPE: 13, ALRM: 14, TERM: 15, STKFLT: 16, CHLD: 17, CLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22,
  URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, POLL: 29, PWR: 30, SYS: 31,
};

export const SIGINT = 2;
export const SIGKILL = 9;
export const SIGTERM = 15;

/** The highest signal number linux accepts (SIGRTMAX). */
const SIGRTMAX = 64;

/** `TERM`, `sigterm`, `SIGTERM` or `15` → 15; undefined when moby's ParseSignal rejects it ("Invalid signal: x"). */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) === 0 ? undefined : Number(text);
  return SIGNALS[text.toUpperCase().replace(/^SIG/, '')];
}

/** moby/sys/signal ValidSignalForPlatform: the daemon refuses a number linux does not have (kill: `… does not support signal 99`). */
export function validSignal(n: number): boolean {
  return n >= 1 && n <= SIGRTMAX;
}

/**
 * What a signal does to a process that has no handler for it (signal(7)
 * "Standard signals"): most terminate it (exit status 128 + n as a shell or
 * Docker reports it); CHLD, URG and WINCH are ignored, CONT resumes, and
 * STOP/TSTP/TTIN/TTOU stop it (it is still there: 'continues' here).
 */
export function defaultAction(n: number): 'terminates' | 'continues' {
  return [SIGNALS.CHLD, SIGNALS.URG, SIGNALS.WINCH, SIGNALS.CONT, SIGNALS.STOP, SIGNALS.TSTP, SIGNALS.TTIN, SIGNALS.TTOU].includes(n)
    ? 'continues'
    : 'terminates';
}
