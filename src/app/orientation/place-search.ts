/**
 * Search for the map's search box: schools of the current network and named areas of the data
 * (lakes, districts, postal areas; polygon units by id). Matching ignores case and diacritics
 * ("kapyla" finds "Käpylä"); names starting with the query come first, then names with a word
 * starting with it, then names containing it; ties alphabetically.
 */
export interface SearchItem {
  kind: 'school' | 'place';
  /** School id, or the place's index in the summary's list. */
  key: string;
  name: string;
  /** "water", "district", "unit", …; "school" for schools. */
  detail: string;
  /** [west, south, east, north] degrees (a school: its point twice). */
  bounds: [number, number, number, number];
}

/** Lower case without diacritics (NFD, combining marks removed). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Rank of `name` for `query` (both folded): 0 starts with, 1 a word starts with, 2 contains, −1 no match. */
function rank(name: string, query: string): number {
  if (name.startsWith(query)) return 0;
  if (name.includes(` ${query}`) || name.includes(`-${query}`)) return 1;
  return name.includes(query) ? 2 : -1;
}

/** At most `limit` items matching `query`, best first; nothing for an empty query. */
export function searchItems(items: readonly SearchItem[], query: string, limit = 8): SearchItem[] {
  const q = fold(query.trim());
  if (!q) return [];
  return items
    .map((item) => ({ item, r: rank(fold(item.name), q) }))
    .filter((m) => m.r >= 0)
    .sort((a, b) => a.r - b.r || a.item.name.localeCompare(b.item.name, 'fi'))
    .slice(0, limit)
    .map((m) => m.item);
}
