/**
 * Runs every vector of tests/fixtures/port-vectors.json (179 cases copied from
 * Docker's own test suites, see REFERENCE.md §4) through the matching function.
 * A group without a runner, or a vector neither run nor explicitly excluded,
 * fails the suite.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type PortBinding,
  type PortSummary,
  type Result,
  convertPortToPortConfig,
  convertToStandardNotation,
  displayablePorts,
  dockerPortOutput,
  newPort,
  parsePort,
  parsePortNumber,
  parsePortRange,
  parsePortRangeToInt,
  parsePortSpec,
  parsePortSpecs,
  parseRunPorts,
  parseServicePublish,
  portInt,
  portMappingString,
  portProto,
  portText,
  splitProtoPort,
} from './index';
import { validateIpamFlags } from '../ipam-validate';

interface Vector {
  group: string;
  function: string;
  source: { repo: string; commit: string; path: string; test: string };
  input: any;
  expected?: any;
  error?: string;
  note?: string;
}

const file = fileURLToPath(new URL('../../../../tests/fixtures/port-vectors.json', import.meta.url));
const vectors: Vector[] = JSON.parse(readFileSync(file, 'utf8'));

/** The vector's error text; "<any error>" vectors carry the real message in their note. */
function expectedError(v: Vector): string {
  if (v.error !== '<any error>') return v.error!;
  const m = /the message is "(.*)"$/.exec(v.note ?? '');
  if (!m) throw new Error(`no message in note: ${v.note}`);
  return m[1];
}

/** Asserts a Result against a vector: the exact error, or hands the value to `check`. */
function expectResult<T>(v: Vector, r: Result<T>, check: (value: T) => void): void {
  if (v.error !== undefined) {
    expect(r).toEqual({ ok: false, error: expectedError(v) });
    return;
  }
  if (!r.ok) throw new Error(`unexpected error: ${r.error}`);
  check(r.value);
}

const toBinding = (b: { HostIP: string; HostPort: string }): PortBinding => ({ hostIp: b.HostIP, hostPort: b.HostPort });

function toBindings(m: Record<string, { HostIP: string; HostPort: string }[]>): Record<string, PortBinding[]> {
  return Object.fromEntries(Object.entries(m).map(([k, list]) => [k, list.map(toBinding)]));
}

const sortedJson = (list: unknown[]) => list.map((x) => JSON.stringify(x)).sort();

function runSwarmSet(v: Vector): void {
  expectResult(v, parseServicePublish(v.input), (value) => {
    const got = value.ports.map((p) => ({
      Protocol: p.protocol,
      TargetPort: p.targetPort,
      PublishMode: p.publishMode,
      PublishedPort: p.publishedPort,
    }));
    expect(sortedJson(got)).toEqual(sortedJson(v.expected));
  });
}

function runConvertPortConfig(v: Vector): void {
  const r = convertPortToPortConfig(v.input.port, toBindings(v.input.bindings));
  if (!r.ok) throw new Error(r.error);
  const want = v.expected.logrusWarningContains;
  if (want === null) expect(r.value.warnings).toEqual([]);
  else expect(r.value.warnings.join('\n')).toContain(want);
}

function runExpose(v: Vector): void {
  const args: string[] = Array.isArray(v.input) ? v.input : [v.input];
  const value = (prefix: string) => args.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length));
  const r = parseRunPorts(value('--publish='), value('--expose='));
  expectResult(v, r, ({ exposed }) => {
    if (v.expected.ExposedPorts) expect([...exposed].sort()).toEqual([...v.expected.ExposedPorts].sort());
    else expect(exposed).toEqual(expect.arrayContaining(v.expected.ExposedPortsContains));
  });
}

function runDisplayablePorts(v: Vector): void {
  const ports: PortSummary[] = v.input.map((p: any) => ({
    ip: p.IP,
    privatePort: p.PrivatePort,
    publicPort: p.PublicPort,
    type: p.Type,
  }));
  expect(displayablePorts(ports)).toBe(v.expected);
}

function runIpam(v: Vector): void {
  const flags: Record<string, string> = v.input.flags;
  const list = (k: string) => (flags[k] === undefined ? [] : [flags[k]]);
  const r = validateIpamFlags({
    subnet: list('subnet'),
    ipRange: list('ip-range'),
    gateway: list('gateway'),
    auxAddress: list('aux-address'),
  });
  if (v.error !== undefined) {
    // The Go test uses assert.ErrorContains: the vector text is a substring.
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toContain(v.error);
    return;
  }
  if (!r.ok) throw new Error(r.error);
  const want = v.expected['IPAM.Config'].map((c: any) => ({
    subnet: c.Subnet,
    ipRange: c.IPRange,
    gateway: c.Gateway,
    auxAddresses: c.AuxiliaryAddresses,
  }));
  expect(r.value).toEqual(want);
}

/** The fake container of port_test.go: 80/tcp→3456, 443/tcp→4567, 443/udp→5678 on each IP. */
const PORT_GOLDEN_CASES: Record<string, { ips: string[]; port: string }> = {
  'docker port <c>': { ips: ['::', '0.0.0.0'], port: '' },
  'docker port <c> 80/tcp (only IPv4 binding)': { ips: ['0.0.0.0'], port: '80/tcp' },
  'docker port <c> 443/udp': { ips: ['::', '0.0.0.0'], port: '443/udp' },
  'docker port <c> 80': { ips: ['::', '0.0.0.0'], port: '80' },
  'docker port <c> 80 (only IPv6 binding)': { ips: ['::'], port: '80' },
};

function runPortGolden(v: Vector): void {
  const c = PORT_GOLDEN_CASES[v.input];
  if (!c) throw new Error(`no fixture for ${v.input}`);
  const on = (hostPort: string) => c.ips.map((hostIp) => ({ hostIp, hostPort }));
  const ports = { '80/tcp': on('3456'), '443/tcp': on('4567'), '443/udp': on('5678') };
  expect(dockerPortOutput('some_container', ports, c.port)).toEqual({ ok: true, value: v.expected });
}

const RUNNERS: Record<string, (v: Vector) => void> = {
  'nat.ParsePort': (v) => expectResult(v, parsePort(v.input), (port) => expect({ port }).toEqual(v.expected)),
  'nat.ParsePortRange': (v) => expectResult(v, parsePortRange(v.input), (r) => expect(r).toEqual(v.expected)),
  'nat.ParsePortRangeToInt': (v) => expectResult(v, parsePortRangeToInt(v.input), (r) => expect(r).toEqual(v.expected)),
  'nat.parsePortNumber': (v) => expectResult(v, parsePortNumber(v.input), (port) => expect({ port }).toEqual(v.expected)),
  'nat.NewPort': (v) =>
    expectResult(v, newPort(v.input.proto, v.input.port), (key) => {
      expect(key).toBe(v.expected.port);
      if ('Proto()' in v.expected) expect(portProto(key)).toBe(v.expected['Proto()']);
      if ('Port()' in v.expected) expect(portText(key)).toBe(v.expected['Port()']);
      if ('Int()' in v.expected) expect(portInt(key)).toBe(v.expected['Int()']);
    }),
  'nat.SplitProtoPort': (v) => {
    const [proto, port] = splitProtoPort(v.input);
    expect({ proto, port }).toEqual(v.expected);
  },
  'nat.ParsePortSpec': (v) =>
    expectResult(v, parsePortSpec(v.input), (mappings) =>
      expect(mappings).toEqual(v.expected.map((m: any) => ({ port: m.Port, binding: toBinding(m.Binding) }))),
    ),
  'nat.ParsePortSpecs': (v) =>
    expectResult(v, parsePortSpecs(v.input), ({ exposed, bindings }) => {
      expect([...exposed].sort()).toEqual([...v.expected.exposedPorts].sort());
      expect(bindings).toEqual(toBindings(v.expected.bindings));
    }),
  'nat.PortMapping.String': (v) =>
    expectResult(v, parsePortSpec(v.input), (m) => expect(portMappingString(m[0])).toBe(v.expected.string)),
  'swarmopts.PortOpt.Set (service --publish)': runSwarmSet,
  'swarmopts.ConvertPortToPortConfig': runConvertPortConfig,
  'docker run --expose': runExpose,
  'docker run --publish long syntax': (v) =>
    expectResult(v, convertToStandardNotation(v.input), (out) => expect(out).toEqual(v.expected)),
  'docker ps PORTS (formatter.DisplayablePorts)': runDisplayablePorts,
  'docker network create (client-side IPAM validation)': runIpam,
  'docker port output (golden)': runPortGolden,
};

/**
 * Vectors deliberately not run here, with the reason. Only one: the cobra arity
 * check ("requires 1 argument") belongs to the CLI command layer, not to IPAM.
 */
const EXCLUDED: { match: (v: Vector) => boolean; reason: string }[] = [
  {
    match: (v) => v.group.startsWith('docker network create') && v.input.args.length === 0,
    reason: 'argument-count error of cobra ExactArgs(1): the docker CLI command layer owns it',
  },
];

const excluded = vectors.filter((v) => EXCLUDED.some((e) => e.match(v)));
const runnable = vectors.filter((v) => !excluded.includes(v));

describe('port-vectors.json', () => {
  it('holds the 179 vectors of REFERENCE.md §4 and runs all but the listed exclusions', () => {
    expect(vectors).toHaveLength(179);
    expect(excluded).toHaveLength(EXCLUDED.length);
    expect(runnable).toHaveLength(179 - EXCLUDED.length);
    const missing = [...new Set(vectors.map((v) => v.group))].filter((g) => !(g in RUNNERS));
    expect(missing).toEqual([]);
  });

  runnable.forEach((v, i) => {
    it(`${v.group} #${i}: ${JSON.stringify(v.input)}`, () => {
      const run = RUNNERS[v.group];
      if (!run) throw new Error(`no runner for group ${v.group}`);
      run(v);
    });
  });
});
