/**
 * Up/down command history for one terminal, the way bash's readline keeps
 * it: a line being edited is kept as a draft while the student browses back,
 * and comes back on the way down. Consecutive duplicates and blank lines are
 * not recorded (HISTCONTROL=ignoreboth, Debian's default .bashrc).
 */
export class CommandHistory {
  private entries: string[];
  /** Index into `entries` while browsing; `entries.length` means "the draft". */
  private index: number;
  private draft = '';

  constructor(initial: readonly string[] = [], private readonly limit = 500) {
    this.entries = initial.slice(-limit);
    this.index = this.entries.length;
  }

  all(): string[] {
    return [...this.entries];
  }

  record(line: string): void {
    this.index = this.entries.length;
    if (!line.trim() || line.startsWith(' ')) return;
    if (this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    if (this.entries.length > this.limit) this.entries.shift();
    this.index = this.entries.length;
  }

  /** The older entry, or undefined at the oldest. `current` is the line being edited. */
  previous(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index -= 1;
    return this.entries[this.index];
  }

  /** The newer entry, the draft after the newest, or undefined when already on the draft. */
  next(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index += 1;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }

  /** Stops browsing (a new prompt). */
  rewind(): void {
    this.index = this.entries.length;
    this.draft = '';
  }
}
