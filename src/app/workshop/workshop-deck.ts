/**
 * The workshop deck (pure): the scenarios marked "in the workshop deck", in list order, or every
 * scenario when none is marked; stepping wraps around neither end (a clicker at the last slide stays).
 */
import type { ScenarioSummary } from '../scenarios/scenario-protocol';

/** Ids of the deck, in order. */
export function workshopDeck(scenarios: readonly ScenarioSummary[]): string[] {
  const marked = scenarios.filter((s) => s.inDeck);
  return (marked.length > 0 ? marked : scenarios).map((s) => s.id);
}

/**
 * The id `delta` steps from `activeId` (clamped to the deck); the first of the deck when the
 * active scenario is not in it. Null for an empty deck.
 */
export function stepDeck(deck: readonly string[], activeId: string, delta: number): string | null {
  if (deck.length === 0) return null;
  const at = deck.indexOf(activeId);
  if (at < 0) return deck[0];
  return deck[Math.min(deck.length - 1, Math.max(0, at + delta))];
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/**
 * True for a control where the keys are the user's typing (text inputs, text areas, editable
 * text): there the workshop keys do nothing. Buttons, checkboxes, radio buttons and selects do
 * not keep them: after using one, a presentation clicker still steps.
 */
export function isTextEntry(target: { tagName?: string; type?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA') return true;
  return target.tagName === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
}

/** Workshop keys: next (→, PageDown, Space, N), previous (←, PageUp, P), first (Home), last (End), exit (Escape). */
export function workshopKey(key: string): 'next' | 'previous' | 'first' | 'last' | 'exit' | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'n':
    case 'N':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
    case 'P':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}
