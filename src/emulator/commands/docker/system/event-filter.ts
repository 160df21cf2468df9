/**
 * `docker events --filter` as the daemon applies it (moby daemon/events
 * filter.go Filter.Include): every key given must match; the values of one
 * key are alternatives. `container=` and `network=` are fuzzy (the actor's
 * ID or name, exactly or as a prefix) and only let events of their own type
 * through; `type=` and `event=` are exact; `image=` matches a container
 * event's image with or without its tag; `label=` needs the attribute.
 */
import type { FilterArgs } from '../network/filters';
import { exactMatch, labelsMatch } from '../network/filters';
import type { EngineEvent } from '../../../docker/events';

/** acceptedEventFilterTags in moby (daemon/events.go), so `--filter volume=x` is accepted and matches nothing here. */
export const EVENT_FILTER_KEYS = ['container', 'daemon', 'event', 'image', 'label', 'network', 'node', 'plugin', 'scope', 'type', 'volume', 'config', 'secret', 'service'];

/** filters.Args.FuzzyMatch: no values, or a value equal to or a prefix of the source. */
function fuzzyMatch(args: FilterArgs, key: string, source: string): boolean {
  const values = args.get(key);
  return !values || values.some((v) => source === v || source.startsWith(v));
}

function fuzzyMatchName(args: FilterArgs, type: EngineEvent['type'], e: EngineEvent): boolean {
  if (!args.has(type)) return true;
  // A container filter on a network event compares the network's ID and name, as moby does.
  return fuzzyMatch(args, type, e.id) || fuzzyMatch(args, type, e.attributes.name ?? '');
}

function stripTag(image: string): string {
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(0, colon) : image;
}

function matchImage(args: FilterArgs, e: EngineEvent): boolean {
  if (!args.has('image')) return true;
  // An image event names its image in `name`, a container event in `image`.
  const name = (e.type === 'image' ? e.attributes.name : e.attributes.image) ?? '';
  return [e.id, name, stripTag(e.id), stripTag(name)].some((v) => v !== '' && exactMatch(args, 'image', v));
}

/** Keys this lab's events can never satisfy (no plugin, volume, node, ... events are recorded). */
function otherTypesOnly(args: FilterArgs): boolean {
  return ['daemon', 'node', 'plugin', 'volume', 'config', 'secret'].some((k) => args.has(k));
}

/**
 * matchEvent: `event=exec_create` (or exec_start, health_status) without a
 * colon matches those events whatever their command (moby #25798); any
 * other value must equal the action.
 */
function matchAction(args: FilterArgs, action: string): boolean {
  const values = args.get('event');
  if (!values) return true;
  if (values.some((v) => ['exec_create', 'exec_start', 'health_status'].includes(v))) return fuzzyMatch(args, 'event', action);
  return values.includes(action);
}

export function includeEvent(args: FilterArgs, e: EngineEvent): boolean {
  if (otherTypesOnly(args)) return false;
  return matchAction(args, e.action)
    && exactMatch(args, 'type', e.type)
    && exactMatch(args, 'scope', e.scope ?? 'local')
    && fuzzyMatchName(args, 'container', e)
    && fuzzyMatchName(args, 'network', e)
    && fuzzyMatchName(args, 'service', e)
    && matchImage(args, e)
    && labelsMatch(args, 'label', e.attributes);
}
