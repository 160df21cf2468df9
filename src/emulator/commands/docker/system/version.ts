/**
 * `docker version [-f FORMAT]` (docker/cli cli/command/system/version.go):
 * the CLI's own default template run over versionInfo{Client, Server}, then
 * through a tabwriter (minwidth 20, padding 1) and a final newline. When the
 * daemon is stopped, the Client part prints and the connection error follows
 * (exit 1). A template that does not parse exits 64.
 */
import type { CommandContext } from '../../types';
import type { DockerCommand } from '../cli/command';
import type { Flags } from '../cli/flags';
import type { GoFunc } from '../../../docker/format/gotemplate/index';
import { DOCKER_FUNCS, executeTemplate, parseTemplate } from '../../../docker/format/gotemplate/index';
import { GoIface, goPointer, isPlainObject, jsonTag, omitEmpty, structField, withGoType } from '../../../docker/format/govalues';
import { tabwrite } from '../../../docker/format/tabwriter';
import { daemonOf } from '../engine-access';
import { CONTAINERD, DOCKER_INIT, ENGINE, HOST_SYSTEM, RUNC } from './versions';

const DEFAULT_TEMPLATE = `{{with .Client -}}
Client:{{if ne .Platform nil}}{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}{{end}}
 Version:\t{{.Version}}
 API version:\t{{.APIVersion}}{{if ne .APIVersion .DefaultAPIVersion}} (downgraded from {{.DefaultAPIVersion}}){{end}}
 Go version:\t{{.GoVersion}}
 Git commit:\t{{.GitCommit}}
 Built:\t{{.BuildTime}}
 OS/Arch:\t{{.Os}}/{{.Arch}}
 Context:\t{{.Context}}
{{- end}}

{{- if ne .Server nil}}{{with .Server}}

Server:{{if ne .Platform.Name ""}} {{.Platform.Name}}{{end}}
 {{- range $component := .Components}}
 {{$component.Name}}:
  {{- if eq $component.Name "Engine" }}
  Version:\t{{.Version}}
  API version:\t{{index .Details "ApiVersion"}} (minimum version {{index .Details "MinAPIVersion"}})
  Go version:\t{{index .Details "GoVersion"}}
  Git commit:\t{{index .Details "GitCommit"}}
  Built:\t{{index .Details "BuildTime"}}
  OS/Arch:\t{{index .Details "Os"}}/{{index .Details "Arch"}}
  Experimental:\t{{index .Details "Experimental"}}
  {{- else }}
  Version:\t{{$component.Version}}
  {{- $detailsOrder := getDetailsOrder $component}}
  {{- range $key := $detailsOrder}}
  {{$key}}:\t{{index $component.Details $key}}
   {{- end}}
  {{- end}}
 {{- end}}
 {{- end}}{{- end}}`;

/** getDetailsOrder: a component's detail keys, sorted. */
const GET_DETAILS_ORDER: GoFunc = {
  params: ['any'],
  fn: ([component]) => {
    const value = component instanceof GoIface ? component.inner : component;
    const details = isPlainObject(value) ? structField(value, 'Details').value : undefined;
    return details instanceof Map ? [...details.keys()].map(String).sort() : [];
  },
};
const FUNCS = new Map([...DOCKER_FUNCS, ['getDetailsOrder', GET_DETAILS_ORDER]]);

function clientVersion(): Record<string, unknown> {
  return withGoType({
    Platform: goPointer(withGoType({ Name: omitEmpty(ENGINE.platform) }, 'system.platformInfo')),
    Version: omitEmpty(ENGINE.version), APIVersion: jsonTag(ENGINE.apiVersion, 'ApiVersion', { omitempty: true }),
    DefaultAPIVersion: omitEmpty(ENGINE.apiVersion), GitCommit: omitEmpty(ENGINE.clientCommit), GoVersion: omitEmpty(ENGINE.goVersion),
    Os: omitEmpty(ENGINE.os), Arch: omitEmpty(ENGINE.arch), BuildTime: omitEmpty(ENGINE.clientBuilt), Context: 'default',
  }, 'system.clientVersion');
}

function component(name: string, version: string, details: [string, string][]): Record<string, unknown> {
  return withGoType({ Name: name, Version: version, Details: omitEmpty(new Map(details)) }, 'types.ComponentVersion');
}

function serverVersion(): Record<string, unknown> {
  const engine = component('Engine', ENGINE.version, [
    ['ApiVersion', ENGINE.apiVersion], ['Arch', ENGINE.arch], ['BuildTime', ENGINE.serverBuilt], ['Experimental', 'false'],
    ['GitCommit', ENGINE.serverCommit], ['GoVersion', ENGINE.goVersion], ['KernelVersion', HOST_SYSTEM.kernel],
    ['MinAPIVersion', ENGINE.minApiVersion], ['Os', ENGINE.os],
  ]);
  return goPointer(withGoType({
    Platform: omitEmpty({ Name: ENGINE.platform }),
    Components: omitEmpty([
      engine,
      component('containerd', CONTAINERD.version, [['GitCommit', CONTAINERD.commit]]),
      component('runc', RUNC.version, [['GitCommit', RUNC.commit]]),
      component('docker-init', DOCKER_INIT.version, [['GitCommit', DOCKER_INIT.commit]]),
    ]),
    Version: ENGINE.version, APIVersion: jsonTag(ENGINE.apiVersion, 'ApiVersion'), MinAPIVersion: omitEmpty(ENGINE.minApiVersion),
    GitCommit: ENGINE.serverCommit, GoVersion: ENGINE.goVersion, Os: ENGINE.os, Arch: ENGINE.arch,
    KernelVersion: omitEmpty(HOST_SYSTEM.kernel), Experimental: omitEmpty(false), BuildTime: omitEmpty('2025-05-30T12:07:35.000000000+00:00'),
  }, 'types.Version'));
}

function run(ctx: CommandContext, flags: Flags): number {
  const format = flags.string('format') ?? '';
  const source = format === '' ? DEFAULT_TEMPLATE : format === 'json' ? '{{json .}}' : format;
  const parsed = parseTemplate(source, { name: 'version', funcs: FUNCS });
  if (!parsed.ok) {
    ctx.stderr(`template parsing error: ${parsed.error}\n`);
    return 64;
  }
  const up = daemonOf(ctx).running;
  const data = withGoType({ Client: clientVersion(), Server: up ? serverVersion() : null }, 'system.versionInfo');
  const r = executeTemplate(parsed.template, data);
  ctx.stdout(tabwrite((r.ok ? r.text : r.partial) + '\n', { minwidth: 20, tabwidth: 1, padding: 1 }));
  if (!up) {
    ctx.stderr('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    return 1;
  }
  if (r.ok) return 0;
  ctx.stderr(r.error + '\n');
  return 1;
}

export const versionCommand: DockerCommand = {
  path: ['version'],
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  flags: [{ long: 'format', short: 'f', type: 'string', help: 'Format output using a custom template' }],
  args: { kind: 'none' },
  run,
};
