/**
 * `docker inspect <image>` (GET /images/{name}/json) as Docker 28 with the
 * overlay2 graph driver prints it: the image config is the OCI config type,
 * whose fields are all omitempty, so only what the image sets appears.
 */
import type { LabCtx } from '../world/ctx';
import { LAB_EPOCH_MS, rfc3339Nano } from '../core/clock';
import type { ImageSpec } from './images';
import { manifestDigest, stableHex } from './image-store';
import { omitEmpty } from './format/govalues';

/** "192MB" → bytes, as the API reports Size (decimal units, as `docker images` prints them). */
export function imageSizeBytes(image: ImageSpec): number {
  const m = /^([\d.]+)\s*(kB|MB|GB|B)$/.exec(image.size);
  if (!m) return 0;
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[m[2] as 'B' | 'kB' | 'MB' | 'GB'];
  return Math.round(Number(m[1]) * unit);
}

export function imageCreatedMs(image: ImageSpec): number {
  return LAB_EPOCH_MS - image.ageDays * 86400000 - 3600000 * 5;
}

function configDoc(image: ImageSpec): Record<string, unknown> {
  return {
    ExposedPorts: omitEmpty(new Map(image.exposed.map((p) => [p, {}]))),
    Env: omitEmpty([...image.env]),
    Entrypoint: omitEmpty([...image.entrypoint]),
    Cmd: omitEmpty([...image.cmd]),
    WorkingDir: omitEmpty(image.workdir),
  };
}

export function imageInspect(_ctx: LabCtx, _machine: string, image: ImageSpec): Record<string, unknown> {
  const layers = Array.from({ length: 3 }, (_, i) => `sha256:${stableHex(`diff:${image.repository}:${i}`, 64)}`);
  const repo = image.repository;
  return {
    Id: `sha256:${image.id}`,
    RepoTags: [`${repo}:${image.tag}`],
    RepoDigests: [`${repo}@${manifestDigest(image)}`],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: rfc3339Nano(imageCreatedMs(image), parseInt(stableHex(repo, 5), 16) % 1000000),
    DockerVersion: '',
    Author: '',
    Config: configDoc(image),
    Architecture: 'amd64',
    Os: 'linux',
    Size: imageSizeBytes(image),
    GraphDriver: {
      Data: new Map([
        ['MergedDir', `/var/lib/docker/overlay2/${stableHex(`top:${repo}`, 64)}/merged`],
        ['UpperDir', `/var/lib/docker/overlay2/${stableHex(`top:${repo}`, 64)}/diff`],
        ['WorkDir', `/var/lib/docker/overlay2/${stableHex(`top:${repo}`, 64)}/work`],
      ]),
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: layers },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}
