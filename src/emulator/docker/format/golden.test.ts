/**
 * Replays outputs recorded from the real docker CLI 28.2.2 (Go 1.24.3) by
 * testdata/record-docker-cli.py: every `docker context inspect -f` template and every
 * `docker context ls --format` value in testdata/golden-cases.json, against the same
 * data modelled with govalues. stdout, stderr and the exit code must all match.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  NIL_SLICE,
  anyElements,
  goFloat,
  goInterface,
  omitEmpty,
  withGoType,
  withMapZero,
} from './govalues';
import { executeTemplate, parseTemplate } from './gotemplate/index';
import { formatList } from './table';
import golden from './testdata/docker-cli-golden.json';
import cases from './testdata/golden-cases.json';

/** json.Unmarshal into map[string]any: maps and slices of any, float64 numbers. */
function unmarshalAny(v: unknown): unknown {
  if (v === null) return null;
  if (Array.isArray(v)) return anyElements(v.map(unmarshalAny));
  if (typeof v === 'number') return goFloat(v);
  if (typeof v === 'object') {
    return anyElements(new Map(Object.entries(v as object).map(([k, x]) => [k, unmarshalAny(x)])));
  }
  return v;
}

/** The typed value docker's `context inspect` formats (context.contextWithTLSListing). */
function probeContext(): unknown {
  const { Description, ...extra } = cases.probeMetadata;
  const dir = createHash('sha256').update('probe').digest('hex');
  return withGoType(
    {
      Metadata: withGoType(
        {
          Name: 'probe',
          Metadata: goInterface(
            withGoType({ Description, AdditionalFields: unmarshalAny(extra) }, 'command.DockerContext'),
          ),
          Endpoints: anyElements(
            new Map([
              [
                'docker',
                withGoType({ Host: omitEmpty('tcp://10.0.0.9:2375'), SkipTLSVerify: false }, 'context.EndpointMetaBase'),
              ],
            ]),
          ),
        },
        'store.Metadata',
      ),
      TLSMaterial: withGoType(withMapZero(new Map(), NIL_SLICE), 'map[string]store.EndpointFiles'),
      Storage: withGoType(
        {
          MetadataPath: `/tmp/docker-golden-config/contexts/meta/${dir}`,
          TLSPath: `/tmp/docker-golden-config/contexts/tls/${dir}`,
        },
        'store.StorageInfo',
      ),
    },
    'context.contextWithTLSListing',
  );
}

/** What `docker context inspect probe -f T` prints (inspect.Inspect, typed pass only). */
function inspectLikeDocker(template: string, data: unknown) {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return { stdout: '', stderr: `template parsing error: ${parsed.error}\n`, code: 64 };
  const r = executeTemplate(parsed.template, data);
  if (r.ok) return { stdout: r.text + '\n', stderr: '', code: 0 };
  return { stdout: '\n', stderr: `template parsing error: ${r.error}\n`, code: 1 };
}

const CONTEXT_LS_FORMAT = 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}';
const CONTEXT_LS_HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };

function contextRows(): object[] {
  const rows = [
    ...cases.contexts.map(([Name, Description, DockerEndpoint]) => ({ Name, Description, DockerEndpoint, Current: false })),
    {
      Name: 'default',
      Description: 'Current DOCKER_HOST based configuration',
      DockerEndpoint: 'unix:///var/run/docker.sock',
      Current: true,
    },
    { Name: 'probe', Description: 'probe <ctx>', DockerEndpoint: 'tcp://10.0.0.9:2375', Current: false },
  ];
  return rows
    .sort((a, b) => (a.Name < b.Name ? -1 : 1))
    .map((r) => withGoType({ ...r, Error: '' }, '*formatter.clientContextContext'));
}

describe('golden: docker context inspect -f (docker CLI 28.2.2)', () => {
  it('recorded every case', () => {
    expect(golden.inspect.length).toBe(cases.inspect.length);
    expect(golden.recordedWith).toMatch(/^docker CLI 28\./);
  });
  for (const c of golden.inspect) {
    it(JSON.stringify(c.template), () => {
      const got = inspectLikeDocker(c.template, probeContext());
      expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});

describe('golden: docker context ls --format (docker CLI 28.2.2)', () => {
  for (const c of golden.ls) {
    it(JSON.stringify(c.format), () => {
      const r = formatList(c.format ?? undefined, CONTEXT_LS_FORMAT, contextRows(), CONTEXT_LS_HEADERS);
      const got = r.ok ? { stdout: r.text, stderr: '', code: 0 } : { stdout: '', stderr: r.error + '\n', code: 1 };
      expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, code: c.code });
    });
  }
});
