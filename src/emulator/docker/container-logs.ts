/**
 * What a container's processes write to stdout/stderr, kept line by line as
 * the json-file log driver does (each entry a line with its time), for
 * `docker logs`. Output arrives in chunks; partial lines wait for their end.
 */
import type { LabCtx } from '../world/ctx';
import type { ContainerState } from './state';

export class ContainerLogWriter {
  private partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };

  constructor(private ctx: LabCtx, private c: ContainerState) {}

  write(stream: 'stdout' | 'stderr', text: string): void {
    const all = this.partial[stream] + text;
    const lines = all.split('\n');
    this.partial[stream] = lines.pop() ?? '';
    for (const line of lines) this.c.logs.push({ t: this.ctx.clock.now(), stream, line });
  }

  /** The process ended: an unterminated last line is still logged. */
  flush(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.c.logs.push({ t: this.ctx.clock.now(), stream, line: this.partial[stream] });
      this.partial[stream] = '';
    }
  }
}
