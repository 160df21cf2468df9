/**
 * Output formatting for the emulated docker CLI: Go encoding/json (`docker inspect`),
 * Go text/template (`--format`, `-f`) and docker/cli's tables (`ls`, `ps`).
 * Inspect data is plain JS shaped like the Go structs; see govalues.ts for the mapping.
 */
export {
  NIL_MAP,
  NIL_SLICE,
  anyElements,
  goEmbed,
  goFloat,
  goInterface,
  goPointer,
  goStringer,
  jsonTag,
  marshalsAsMap,
  omitEmpty,
  withGoType,
  withMapKeyType,
  withMapZero,
} from './govalues';
export { type MarshalOptions, type MarshalResult, marshal, marshalIndent, quoteJsonString, tryMarshal } from './gojson';
export {
  type ExecResult,
  type ExecuteOptions,
  type ExecLimits,
  type MissingKey,
  type ParseResult,
  type RenderResult,
  type Template,
  DOCKER_FUNCS,
  HEADER_FUNCS,
  executeTemplate,
  parseTemplate,
  renderDockerTemplate,
} from './gotemplate/index';
export { type FormatResult, formatList, renderTable } from './table';
export { type TabwriterOptions, tabwrite } from './tabwriter';
export { stringWidth } from './runewidth';
