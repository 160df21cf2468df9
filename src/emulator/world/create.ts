/** A fresh lab state: the world built from a seed. */
import { Rng } from '../core/rng';
import { LAB_EPOCH_MS } from '../core/clock';
import { emptyNet } from '../net/state';
import { LabCtx } from './ctx';
import { LAB_STATE_VERSION, type LabState } from './state';
import { buildWorld } from './topology';
import { emptySession } from '../session/session';

export function createLabState(seed: number, hosts: number): LabState {
  const state: LabState = {
    version: LAB_STATE_VERSION,
    seed,
    rng: new Rng(seed).state(),
    clock: LAB_EPOCH_MS,
    net: emptyNet(),
    machines: {},
    containerFs: {},
    session: emptySession('node1'),
  };
  const ctx = new LabCtx(state);
  buildWorld(ctx, hosts);
  return ctx.sync();
}
