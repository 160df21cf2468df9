/**
 * Kernel timers that fire while lab time passes: what a socket sends later
 * by itself, like a SYN retransmitted when no SYN-ACK came (tcp_syn_retries).
 * Live state of the running lab, like an open capture (not in a snapshot);
 * session/background-processes.ts fires them at their time, whenever a command
 * lets time pass.
 */
import type { LabCtx } from '../world/ctx';

export type TimerJob = (ctx: LabCtx) => void;

export class TimerQueue {
  private jobs: { at: number; seq: number; run: TimerJob; key?: string }[] = [];
  private seq = 0;

  /** `key` names what the job is about (one neighbour's resolution), for pending(). */
  schedule(at: number, run: TimerJob, key?: string): void {
    this.jobs.push({ at, seq: this.seq++, run, key });
    this.jobs.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  /** A mark before the jobs a command line is about to schedule (see cancelFrom). */
  mark(): number {
    return this.seq;
  }

  /**
   * The line that scheduled these jobs has ended: its process closed its
   * sockets, so their timers go too (curl -m 5 stops retransmitting its SYN).
   */
  cancelFrom(mark: number): void {
    this.jobs = this.jobs.filter((j) => j.seq < mark);
  }

  /** Is a job about `key` still waiting? */
  pending(key: string): boolean {
    return this.jobs.some((j) => j.key === key);
  }

  /** When the next job is due, if any. */
  nextAt(): number | undefined {
    return this.jobs[0]?.at;
  }

  /** Removes and returns the next job if it is due by `upTo`. */
  takeDue(upTo: number): TimerJob | undefined {
    if (!this.jobs.length || this.jobs[0].at > upTo) return undefined;
    return this.jobs.shift()!.run;
  }
}
