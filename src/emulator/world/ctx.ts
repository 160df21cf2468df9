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

export class LabCtx {
  readonly rng: Rng;
  readonly clock: Clock;

  constructor(public state: LabState) {
    this.rng = new Rng(state.rng);
    this.clock = new Clock(state.clock);
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
    return { now: this.clock.now(), latencyMs: 0, routers: 0, budget: 256, jitter: () => this.rng.float() };
  }
}
