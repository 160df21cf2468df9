/**
 * The troubleshooting lesson's break-fix labs, in page order. Each is shown
 * with `<BreakFix data={labs.key} />` and proven per variant in
 * tests/exercises.test.ts (broken first, fixed by its solution, still broken
 * after each wrong fix).
 */
import type { BreakFixLab } from '../../../src/courseware/breakfix';
import { daemonJson, dockerUser, internalNet, loopbackBind, loopbackPublish, webDb, wrongDns, wrongPort } from './breakfix-local';
import { overlayMtu, overlayPort } from './breakfix-multihost';
import { staleHosts } from './breakfix-names';
import { meshNode } from './breakfix-mesh';

export const labs = {
  webDb,
  wrongPort,
  loopbackPublish,
  dockerUser,
  wrongDns,
  staleHosts,
  internalNet,
  loopbackBind,
  daemonJson,
  overlayPort,
  overlayMtu,
  meshNode,
} satisfies Record<string, BreakFixLab>;
