/**
 * The `Ports` list of GET /containers/json (container.PortSummary), which the
 * daemon builds from NetworkSettings.Ports (moby daemon/container/view.go):
 * an exposed port with no binding gives one entry without IP; each binding gives
 * one entry with IP and PublicPort. A stopped container has no NetworkSettings
 * ports, so `docker ps -a` shows an empty PORTS column for it.
 */
import type { PortKey } from './port-key';
import { splitProtoPort } from './port-key';
import type { PortBinding } from './port-spec';
import { parsePort } from './port-range';

/** One row of the API's Ports list. `ip` absent (or "") means "exposed only". */
export interface PortSummary {
  ip?: string;
  privatePort: number;
  publicPort?: number;
  type: string;
}

/**
 * NetworkSettings.Ports → API Ports. `null` or [] bindings mean exposed only.
 * Entries whose numbers do not parse are skipped (the daemon would fail the list).
 */
export function portSummaries(ports: Record<PortKey, PortBinding[] | null>): PortSummary[] {
  const out: PortSummary[] = [];
  for (const [key, bindings] of Object.entries(ports)) {
    const [type, text] = splitProtoPort(key);
    const privatePort = parsePort(text);
    if (!privatePort.ok) continue;
    if (!bindings || bindings.length === 0) {
      out.push({ privatePort: privatePort.value, type });
      continue;
    }
    for (const b of bindings) {
      const publicPort = parsePort(b.hostPort);
      if (!publicPort.ok) continue;
      out.push({ ip: b.hostIp, privatePort: privatePort.value, publicPort: publicPort.value, type });
    }
  }
  return out;
}
