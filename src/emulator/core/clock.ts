/**
 * Virtual time. The lab starts at a fixed instant and time only moves when
 * the emulator says so (a command takes a little time, `ping` waits a second,
 * `sleep 5` waits five). No Date.now() in the emulator: determinism depends
 * on it.
 */
export const LAB_EPOCH_MS = Date.UTC(2026, 0, 12, 9, 0, 0);

export class Clock {
  /** Nanoseconds are what Docker prints in `Created`; we keep milliseconds plus a sub-ms part. */
  constructor(private ms: number = LAB_EPOCH_MS) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    if (ms > 0) this.ms += ms;
  }

  set(ms: number): void {
    this.ms = ms;
  }
}

/** RFC 3339 with nanoseconds, as Go's time.Time marshals in Docker's JSON. */
export function rfc3339Nano(ms: number, nanosSuffix = 0): string {
  const iso = new Date(ms).toISOString(); // 2026-01-12T09:00:00.000Z
  const base = iso.slice(0, 19);
  const frac = String(ms % 1000).padStart(3, '0') + String(nanosSuffix % 1000000).padStart(6, '0');
  return `${base}.${frac}Z`;
}
