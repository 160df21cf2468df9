/**
 * How the CLI prints one event (docker/cli cli/command/system/events.go
 * prettyPrintEvent): the time as RFC3339NanoFixed, type, action, actor ID,
 * then the attributes sorted by key in parentheses:
 *
 *   2026-01-12T09:00:01.104729000Z container start 3f2a… (image=nginx, name=web)
 *
 * and the events.Message document `--format` templates see (API 1.50 still
 * carries the deprecated status/id/from on container events).
 */
import { rfc3339Nano } from '../core/clock';
import { jsonTag } from './format/govalues';
import type { EngineEvent } from './events';

export function eventLine(e: EngineEvent): string {
  const keys = Object.keys(e.attributes).sort();
  const attrs = keys.length ? ` (${keys.map((k) => `${k}=${e.attributes[k]}`).join(', ')})` : '';
  return `${rfc3339Nano(e.t, e.nanos)} ${e.type} ${e.action} ${e.id}${attrs}\n`;
}

/** The event's time in ns since the epoch (events.Message.TimeNano). */
export function eventTimeNano(e: EngineEvent): bigint {
  return BigInt(e.t) * 1_000_000n + BigInt(e.nanos % 1_000_000);
}

/**
 * events.Message as Go templates see it: the struct's field names (`.Status`,
 * `.ID`, `.From`, `.Type`, `.Action`, `.Actor`, `.Scope`, `.Time`,
 * `.TimeNano`), marshalled with their json tags by `{{json .}}`.
 */
export function eventDocument(e: EngineEvent): Record<string, unknown> {
  const legacy = e.type === 'container';
  return {
    Status: jsonTag(legacy ? e.action : '', 'status', { omitempty: true }),
    ID: jsonTag(legacy ? e.id : '', 'id', { omitempty: true }),
    From: jsonTag(legacy ? (e.attributes.image ?? '') : '', 'from', { omitempty: true }),
    Type: e.type,
    Action: e.action,
    Actor: { ID: e.id, Attributes: new Map(Object.entries(e.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) },
    Scope: jsonTag(e.scope ?? 'local', 'scope'),
    Time: jsonTag(Math.floor(e.t / 1000), 'time'),
    TimeNano: jsonTag(eventTimeNano(e), 'timeNano'),
  };
}
