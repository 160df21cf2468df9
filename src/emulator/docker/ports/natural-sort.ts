/**
 * fvbommel/sortorder NaturalLess, which `docker port` (CLI ≥25) uses to sort its
 * lines: digit runs compare as numbers ("80/tcp" before "443/tcp"), digits sort
 * before other characters ("0.0.0.0:…" before "[::]:…"), the rest compares by
 * byte, and with equal numbers fewer leading zeros wins.
 */

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Compares the digit runs starting at a[i] and b[j]; returns the verdict or the new indexes. */
function compareNumbers(a: string, b: string, i: number, j: number): boolean | [number, number] {
  while (a[i] === '0') i++;
  while (b[j] === '0') j++;
  const nonZeroA = i;
  const nonZeroB = j;
  while (isDigit(a[i])) i++;
  while (isDigit(b[j])) j++;
  if (i - nonZeroA !== j - nonZeroB) return i - nonZeroA < j - nonZeroB;
  const numA = a.slice(nonZeroA, i);
  const numB = b.slice(nonZeroB, j);
  if (numA !== numB) return numA < numB;
  if (nonZeroA !== nonZeroB) return nonZeroA < nonZeroB;
  return [i, j];
}

export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const digitA = isDigit(a[i]);
    const digitB = isDigit(b[j]);
    if (digitA !== digitB) return digitA;
    if (!digitA) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    const verdict = compareNumbers(a, b, i, j);
    if (typeof verdict === 'boolean') return verdict;
    [i, j] = verdict;
  }
  return a.length < b.length;
}

/** A comparator for Array.prototype.sort built on naturalLess. */
export function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}
