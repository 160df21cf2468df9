/** `can-reach` with `bytes`: the probe carries a payload (ping -s, or a download), where MTU problems show. */
import { describe, expect, it } from 'vitest';
import { container, endpoint, fakeLab, network } from '../testing/fake-lab';
import { describeCheck, evaluateCheck } from './index';
import { validateExercise } from '../schema';
import type { Check } from '../types';

const check: Check = { kind: 'can-reach', id: 'dl', from: { container: 'client' }, to: 'api', port: 80, bytes: 100_000 };

describe('can-reach with bytes', () => {
  it('hands the size to the probe and reports the probe\'s reason', () => {
    const seen: unknown[] = [];
    const lab = fakeLab({
      networks: [network({ name: 'appnet', driver: 'overlay', scope: 'swarm' })],
      containers: [container({ name: 'client', host: 'node3', endpoints: [endpoint('appnet', '10.30.0.5')] }), container({ name: 'api', endpoints: [endpoint('appnet', '10.30.0.3')] })],
      reach: (...args) => {
        seen.push(args);
        return { ok: false, reason: 'client connects to api (10.30.0.3):80, but 100000 bytes from it do not get through: it is longer than the MTU of eth0 on node3, which drops it' };
      },
    });
    const result = evaluateCheck(check, lab);
    expect(seen).toEqual([[{ container: 'client' }, 'api', 80, 'tcp', 100_000]]);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('it is longer than the MTU of eth0 on node3');
  });

  it('says the size in its label', () => {
    expect(describeCheck(check)).toBe('client can reach api by name on port 80/tcp with 100000 bytes');
  });

  it('is validated: a whole number of bytes, at least 1', () => {
    const exercise = (bytes: unknown) => ({ id: 'x', title: 'X', task: 'Do it.', lab: 'main', checks: [{ ...check, bytes }], hints: [], solution: ['true'] });
    expect(validateExercise(exercise(1400), 'test').ok).toBe(true);
    const bad = validateExercise(exercise(0), 'test');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toContain('checks[0].bytes');
  });
});

describe('can-reach to an outside name', () => {
  it('leaves the why of a dotted name that does not resolve to the probe', () => {
    const lab = fakeLab({
      networks: [network({ name: 'appnet' })],
      containers: [container({ name: 'app', endpoints: [endpoint('appnet', '10.0.0.2')] })],
      reach: () => ({ ok: false, reason: 'the name example.com does not resolve from app (no DNS server answered)' }),
    });
    expect(evaluateCheck({ kind: 'can-reach', id: 'ext', from: { container: 'app' }, to: 'example.com', port: 80 }, lab).reason)
      .toBe('app cannot reach example.com by name on port 80/tcp: the name example.com does not resolve from app (no DNS server answered)');
  });
});
