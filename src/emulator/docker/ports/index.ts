/**
 * Docker's port handling for the emulator: `-p/--publish` and `--expose` for
 * `docker run`, `--publish` for `docker service`, the PORTS column of `docker ps`
 * and the output of `docker port`. Every function returns a Result instead of
 * throwing; error texts are Docker's own (docker/go-connections nat, docker/cli 28+).
 */
export { type Result } from './result';
export { type PortKey, newPort, splitProtoPort, portProto, portText, portInt } from './port-key';
export { type PortRange, parsePortNumber, parsePort, parsePortRange, parsePortRangeToInt } from './port-range';
export { type ApiPort, type ApiPortRange, parseApiPort, parseApiPortRange } from './api-port';
export {
  type PortBinding,
  type PortMapping,
  type PortSpecs,
  parsePortSpec,
  parsePortSpecs,
  portMappingString,
} from './port-spec';
export { convertToStandardNotation } from './publish-long';
export { parsePublish, parseExpose, parseRunPorts } from './run-ports';
export {
  type PublishMode,
  type SwarmPortConfig,
  type SwarmPorts,
  parseServicePublish,
  convertPortToPortConfig,
} from './swarm-port';
export { type PortSummary, portSummaries } from './port-summary';
export { displayablePorts } from './displayable-ports';
export { dockerPortOutput } from './port-command';
export { joinHostPort } from './go-hostport';
export { naturalLess, naturalCompare } from './natural-sort';
