/**
 * Which variant of a break-fix lab to show: `?variant=N` in the address
 * (a teacher hands out links), else the student's last choice for that lab,
 * else 1. Pure, so it is tested without a browser.
 */
export function chooseVariant(search: string, saved: string | null, count: number): number {
  const fromUrl = new URLSearchParams(search).get('variant');
  for (const raw of [fromUrl, saved]) {
    const n = raw === null ? NaN : Number.parseInt(raw, 10);
    if (Number.isInteger(n) && n >= 1 && n <= count) return n;
  }
  return 1;
}

export function variantStorageKey(lesson: string, lab: string): string {
  return `dnho-breakfix-variant:${lesson}:${lab}`;
}
