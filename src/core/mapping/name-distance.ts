/** Small string helpers for matching field and school names (Finnish, Swedish, English). */

/** Lower case, å/ä → a, ö → o, other accents dropped, everything but letters and digits removed. */
export function compactName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Levenshtein edit distance (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The candidate closest to `name` (compacted), when within a third of its length (at least 1 edit); else null. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  const key = compactName(name);
  let best: string | null = null;
  let bestD = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(key, compactName(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
