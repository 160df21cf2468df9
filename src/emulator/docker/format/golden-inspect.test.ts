/**
 * Replays `docker inspect web -f TEMPLATE` as recorded from the real docker CLI 28.2.2
 * talking to a fake daemon that served marshal(webContainer()) (testdata/
 * record-docker-cli.py). This exercises the CLI's typed pass and its fallback to the raw
 * JSON with missingkey=error, through renderDockerTemplate. Go heap addresses
 * (0xc000…) are random in the recording, so both sides have them masked.
 */
import { describe, expect, it } from 'vitest';
import { marshal, marshalIndent } from './gojson';
import { renderDockerTemplate } from './gotemplate/index';
import golden from './testdata/docker-cli-golden.json';
import cases from './testdata/golden-cases.json';
import { webContainer } from './testdata/web-container';

/** What `docker inspect -f FORMAT web` prints, built from renderDockerTemplate. */
function inspectLikeDocker(format: string, data: unknown) {
  if (format === '') return { stdout: marshalIndent([data]) + '\n', stderr: '', code: 0 };
  if (format === 'json') return { stdout: marshal([data]) + '\n', stderr: '', code: 0 };
  const r = renderDockerTemplate(format, data);
  if (r.ok) return { stdout: r.text + '\n', stderr: '', code: 0 };
  if (r.phase === 'parse') return { stdout: '', stderr: r.error + '\n', code: 64 };
  return { stdout: '\n', stderr: r.error + '\n', code: 1 };
}

const maskAddresses = (s: string): string => s.replace(/0xc[0-9a-f]{9,}/g, '0xADDR');

describe('golden: docker inspect -f through a fake daemon (docker CLI 28.2.2)', () => {
  it('serves the JSON the model marshals to (refresh golden-cases.json if this fails)', () => {
    expect(marshal(webContainer())).toBe(cases.webContainerJson);
  });
  it('recorded every case', () => {
    expect(golden.inspectWeb.map((c) => c.template)).toEqual(cases.inspectWeb);
  });
  for (const c of golden.inspectWeb) {
    it(JSON.stringify(c.template), () => {
      const got = inspectLikeDocker(c.template, webContainer());
      expect({ ...got, stdout: maskAddresses(got.stdout) }).toEqual({
        stdout: maskAddresses(c.stdout),
        stderr: c.stderr,
        code: c.code,
      });
    });
  }
});
