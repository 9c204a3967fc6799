/** Names and file names of scenarios (pure). */

/** A file name for a scenario export: the name with unsafe characters replaced, ".scenario.json". */
export function scenarioFileName(name: string, extension = '.scenario.json'): string {
  const base = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'scenario'}${extension}`;
}

/**
 * The first of "<base> 1", "<base> 2", … not among `taken` (case-insensitive).
 * @param base e.g. "Skenaario"
 */
export function nextScenarioName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLocaleLowerCase()));
  for (let i = 1; ; i++) {
    const name = `${base} ${i}`;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

/** "<name> (kopio)" / "(copy)", numbered when taken: "<name> (kopio 2)". */
export function copyName(name: string, copyWord: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.trim().toLocaleLowerCase()));
  const first = `${name} (${copyWord})`;
  if (!used.has(first.toLocaleLowerCase())) return first;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${copyWord} ${i})`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
