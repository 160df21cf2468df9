/**
 * The running lab as the engine sees it: its state plus the live rng and
 * clock objects. Every domain function takes this first.
 */
import { Rng } from '../core/rng';
import { Clock } from '../core/clock';
import type { LabState, MachineState } from './state';
import type { NsState } from '../net/state';
import type { DockerState } from '../docker/state';
import type { JourneyCtx } from '../net/journey';
import { emptyOverlay, type ProbeOverlay } from '../net/probe';
import { CaptureRegistry } from '../net/capture/registry';
import { TimerQueue } from '../net/timers';
import { sendRejectReply } from '../net/reject-reply';

export class LabCtx {
  readonly rng: Rng;
  readonly clock: Clock;

  /** Set on a probing context: packets change an overlay, never the lab. */
  probe?: ProbeOverlay;

  /** Open packet captures (tcpdump). Live state, not in the snapshot; a probe has none. */
  captures?: CaptureRegistry = new CaptureRegistry();

  /** Kernel timers (SYN retransmissions) that fire while lab time passes. Live state, like captures. */
  timers?: TimerQueue = new TimerQueue();

  /**
   * The state tree itself. While lines run, `state` is a recording view of it
   * (world/undo-journal.ts), a different object: maps kept beside the state
   * across lines (live sinks of running processes) key on this one.
   */
  readonly root: LabState;

  constructor(public state: LabState) {
    this.root = state;
    this.rng = new Rng(state.rng);
    this.clock = new Clock(state.clock);
  }

  /**
   * A context over the same state for side-effect-free probes (exercise
   * checks): its own copy of the rng and clock, and a fresh overlay that
   * receives every change the packets would make.
   */
  forProbe(): LabCtx {
    const probe = Object.create(LabCtx.prototype) as LabCtx;
    Object.assign(probe, { state: this.state, root: this.root, rng: new Rng(this.rng.state()), clock: new Clock(this.clock.now()), probe: emptyOverlay() });
    return probe;
  }

  /** Copies the live rng and clock back into the state (before a snapshot). */
  sync(): LabState {
    this.state.rng = this.rng.state();
    this.state.clock = this.clock.now();
    return this.state;
  }

  machine(name: string): MachineState | undefined {
    return this.state.machines[name];
  }

  ns(id: string): NsState {
    return this.state.net.namespaces[id];
  }

  rootNs(machine: string): NsState {
    return this.ns(this.state.machines[machine].rootNs);
  }

  docker(machine: string): DockerState {
    const d = this.state.machines[machine]?.docker;
    if (!d) throw new Error(`${machine} runs no Docker engine`);
    return d;
  }

  dockerHosts(): string[] {
    return Object.values(this.state.machines)
      .filter((m) => m.kind === 'docker-host')
      .map((m) => m.name);
  }

  /** A fresh journey context for one packet's trip. */
  journey(): JourneyCtx {
    const j: JourneyCtx = { now: this.clock.now(), latencyMs: 0, routers: 0, budget: 256, jitter: () => this.rng.float(), probe: this.probe };
    const captures = this.captures;
    // Only while a capture is open, and never for an exercise check's probe (its packets are not real).
    if (captures?.active && !this.probe) {
      const start = captures.journeyStart(j.now);
      j.tap = (dev, frame, dir) => captures.offer(dev, frame, dir, start + j.latencyMs);
      const timers = this.timers;
      if (timers) {
        j.later = (delayMs, job, key) => timers.schedule(j.now + delayMs, job, key);
        j.pending = (key) => timers.pending(key);
      }
      j.reject = (ns, pkt, rejectWith) => sendRejectReply(this, ns, pkt, rejectWith);
    }
    return j;
  }
}
