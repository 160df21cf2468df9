/**
 * Go text/template for the docker CLI emulator: `parseTemplate`/`executeTemplate` are the
 * engine; `renderDockerTemplate` is what `docker inspect -f` does with it.
 */
import { DOCKER_FUNCS, HEADER_FUNCS } from './docker-funcs';
import { type ExecLimits, type ExecResult, type MissingKey, execute } from './exec';
import type { FuncTable } from './funcs';
import { type ParsedTemplate, TemplateParseError, parseTree } from './parser';
import { toRawJson } from './raw-json';

export type { ExecLimits, ExecResult, MissingKey } from './exec';
export type { FuncTable, GoFunc, ParamType } from './funcs';
export { BUILTINS, FuncError } from './funcs';
export { DOCKER_FUNCS, HEADER_FUNCS } from './docker-funcs';
export { toRawJson } from './raw-json';

/** A parsed template together with the functions it was parsed against. */
export interface Template extends ParsedTemplate {
  funcs: FuncTable;
}

export type ParseResult = { ok: true; template: Template } | { ok: false; error: string };

/** Longer templates are refused before lexing; nobody types 64 KiB into --format. */
export const MAX_TEMPLATE_LENGTH = 64 * 1024;

/**
 * Parses like `template.New(name).Funcs(funcs).Parse(text)`. The error is Go's text,
 * e.g. `template: :1: bad character U+002D '-'`. Defaults: name "" and DOCKER_FUNCS.
 */
export function parseTemplate(text: string, options: { name?: string; funcs?: FuncTable } = {}): ParseResult {
  const name = options.name ?? '';
  const funcs = options.funcs ?? DOCKER_FUNCS;
  if (text.length > MAX_TEMPLATE_LENGTH) {
    return { ok: false, error: `template: ${name}:1: emulator limit: template longer than ${MAX_TEMPLATE_LENGTH} characters` };
  }
  try {
    const tree = parseTree(text, name, new Set(funcs.keys()));
    return { ok: true, template: { ...tree, funcs } };
  } catch (err) {
    if (err instanceof TemplateParseError) return { ok: false, error: err.message };
    if (err instanceof RangeError) return { ok: false, error: `template: ${name}:1: max expression depth exceeded` };
    throw err;
  }
}

export interface ExecuteOptions extends ExecLimits {
  /** Go's Option("missingkey=…"); default "default" (missing map keys print <no value>). */
  missingKey?: MissingKey;
  /** Replaces the template's functions, as tmpl.Funcs(...) does (e.g. HEADER_FUNCS). */
  funcs?: FuncTable;
}

/** Executes like tmpl.Execute(w, data). Never throws; errors carry Go's text. */
export function executeTemplate(template: Template, data: unknown, options: ExecuteOptions = {}): ExecResult {
  return execute(template, data, { ...options, funcs: options.funcs ?? template.funcs });
}

export type RenderResult =
  | { ok: true; text: string }
  | {
      ok: false;
      error: string;
      /** 'parse': the CLI exits 64 before inspecting; 'execute': it prints "\n" and exits 1. */
      phase: 'parse' | 'execute';
    };

/**
 * `docker inspect -f TEMPLATE` for one object ([src] docker/cli
 * cli/command/inspect/inspector.go): run against the typed data; if that fails, run
 * again against the inspect JSON decoded into map[string]any with missingkey=error,
 * and report that second error. `text` has no trailing newline: the CLI prints one
 * after each object. `error` is the full line the CLI prints on stderr, e.g.
 * `template parsing error: template: :1:18: executing "" at <.NetworkSettings.IPAddress>:
 * map has no entry for key "IPAddress"`. On an execution error the CLI also prints an
 * empty line on stdout and exits 1; on a parse error it prints nothing else and exits 64.
 * (An empty template or "json" means JSON output: see gojson's marshalIndent/marshal.)
 */
export function renderDockerTemplate(template: string, data: unknown, limits: ExecLimits = {}): RenderResult {
  const parsed = parseTemplate(template, { funcs: DOCKER_FUNCS });
  if (!parsed.ok) return { ok: false, error: `template parsing error: ${parsed.error}`, phase: 'parse' };
  const typed = executeTemplate(parsed.template, data, limits);
  if (typed.ok) return { ok: true, text: typed.text };
  if (typed.limit) return { ok: false, error: `template parsing error: ${typed.error}`, phase: 'execute' };
  const raw = executeTemplate(parsed.template, toRawJson(data), { ...limits, missingKey: 'error' });
  if (raw.ok) return { ok: true, text: raw.text };
  return { ok: false, error: `template parsing error: ${raw.error}`, phase: 'execute' };
}

/** For table headers: run with docker's HeaderFunctions. Errors keep the partial output. */
export function executeHeader(template: Template, header: unknown): string {
  const r = executeTemplate(template, header, { funcs: HEADER_FUNCS });
  return r.ok ? r.text : r.partial;
}
