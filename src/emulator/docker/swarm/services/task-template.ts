/**
 * Placeholders in a service's --hostname, --env and --mount values, expanded
 * by the node for each task (swarmkit template/context.go): `{{.Service.Name}}`,
 * `{{.Service.ID}}`, `{{.Node.ID}}`, `{{.Node.Hostname}}`, `{{.Task.ID}}`,
 * `{{.Task.Name}}` (`web.1.<task id>`), `{{.Task.Slot}}`. The lab expands
 * these fields only; anything else in braces is left as written.
 */
import type { SwarmService, SwarmTask } from './types';
import { taskName } from './store';

export function expandTaskTemplate(text: string, service: SwarmService, task: SwarmTask): string {
  const fields: Record<string, string> = {
    'Service.Name': service.spec.name,
    'Service.ID': service.id,
    'Node.ID': task.nodeId,
    'Node.Hostname': task.hostname,
    'Task.ID': task.id,
    'Task.Name': `${taskName(service, task)}.${task.id}`,
    'Task.Slot': String(task.slot),
  };
  return text.replace(/\{\{\s*\.(\w+\.\w+)\s*\}\}/g, (whole, key: string) => fields[key] ?? whole);
}
