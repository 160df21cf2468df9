/**
 * go-units HumanDuration (docker/go-units duration.go), which every "… ago",
 * "Up …" and CREATED column goes through: "Less than a second", "1 second",
 * "N seconds", "About a minute", "N minutes", "About an hour", "N hours",
 * "N days", "N weeks", "N months", "N years".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Go rounds the hours here (math.Round(d.Hours())), unlike the smaller units.
  const hours = Math.round(ms / 3600000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

/** The CLI's CREATED column: the API gives whole Unix seconds, so the age is measured from there. */
export function createdAgo(createdMs: number, nowMs: number): string {
  const createdSec = Math.floor(createdMs / 1000) * 1000;
  return `${humanDuration(nowMs - createdSec)} ago`;
}
