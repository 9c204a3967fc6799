/**
 * Scenario controls of the top bar: the scenario switcher (instant once a scenario's engine is
 * built), the manager, comparison, Export menu and workshop buttons, and the save status
 * ("Saved" / "Saving…" / "Not saved: this tab only").
 */
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../exports/export-menu';
import { useScenarioName } from '../workshop/scenario-alias';
import { useScenarioContext, useScenarios } from './scenario-context';

export function SaveStatusBadge() {
  const { t } = useTranslation();
  const save = useScenarios((s) => s.save);
  const state = save.mode === 'memory' ? 'memory' : save.pending > 0 ? 'saving' : 'saved';
  return (
    <span className={`save-status ${state}`} data-save-state={state} role="status" title={save.problem?.message ?? t(`scenarios.saveState.${state}Title`)}>
      <span className="save-dot" aria-hidden="true" />
      <span className="save-label">{t(`scenarios.saveState.${state}`)}</span>
    </span>
  );
}

export function ScenarioBar() {
  const { t } = useTranslation();
  const { scenarios, ui } = useScenarioContext();
  const host = useScenarios((s) => s.host);
  const busy = useScenarios((s) => s.busy);
  const nameOf = useScenarioName();
  return (
    <div className="scenario-bar">
      <label className="field scenario-field">
        <span>{t('scenarios.scenario')}</span>
        <select
          value={host?.activeId ?? ''}
          disabled={!host || busy}
          data-testid="scenario-select"
          onChange={(e) => void scenarios.getState().activate(e.target.value)}
        >
          {host?.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {nameOf(s.id)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!host} onClick={() => ui.getState().open('manager')} data-testid="open-scenario-manager">
        {t('scenarios.manage')}
      </button>
      <button type="button" disabled={!host} onClick={() => ui.getState().open('compare')} data-testid="open-compare">
        {t('compare.open')}
      </button>
      <ExportMenu />
      <button type="button" disabled={!host} onClick={() => ui.getState().setWorkshop(true)} data-testid="open-workshop">
        {t('workshop.open')}
      </button>
      <SaveStatusBadge />
    </div>
  );
}
