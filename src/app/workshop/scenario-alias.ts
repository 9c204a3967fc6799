/**
 * Anonymised scenario names: while school names are anonymised (workshop mode or the Export
 * menu's checkbox), a scenario's own name may name a school too ("Länsikoulu grows"), so every
 * place that shows a scenario name shows "Skenaario A", "Skenaario B", … (its place in the
 * list) instead, and descriptions are hidden. Turning anonymisation off brings the names back
 * in the same render.
 */
import { letterCode } from '../../core/export/anonymise';
import type { UiLanguage } from '../format/format-number';
import { useScenarios, useScenarioUi } from '../scenarios/scenario-context';
import type { ScenarioSummary } from '../scenarios/scenario-protocol';
import { usePreferences } from '../stores/app-stores';

const WORD: Record<UiLanguage, string> = { fi: 'Skenaario', sv: 'Scenario', en: 'Scenario' };

/** "Skenaario B" for the second scenario of the list (letters: never mistaken for a default name such as "Skenaario 2"). */
export function scenarioAlias(index: number, language: UiLanguage): string {
  return `${WORD[language]} ${letterCode(index)}`;
}

/** The name to show for scenario `id`: its own, or its alias when anonymising. */
export function scenarioDisplayName(scenarios: readonly Pick<ScenarioSummary, 'id' | 'name'>[], id: string, anonymise: boolean, language: UiLanguage): string {
  const at = scenarios.findIndex((s) => s.id === id);
  if (at < 0) return '';
  return anonymise ? scenarioAlias(at, language) : scenarios[at].name;
}

/** A function id → shown name, following the anonymisation switch and the UI language. */
export function useScenarioName(): (id: string) => string {
  const host = useScenarios((s) => s.host);
  const anonymise = useScenarioUi((s) => s.anonymise);
  const language = usePreferences((s) => s.language) as UiLanguage;
  return (id) => scenarioDisplayName(host?.scenarios ?? [], id, anonymise, language);
}
