/**
 * The persistent banner shown when scenarios cannot be saved (storage full, private mode,
 * IndexedDB unavailable or blocked): it names the problem, says that work continues in this
 * tab only, and offers to export the scenario to a file.
 */
import { useTranslation } from 'react-i18next';
import { useScenarios } from '../scenarios/scenario-context';
import { useScenarioActions } from '../scenarios/use-scenario-actions';

export function StorageBanner() {
  const { t } = useTranslation();
  const save = useScenarios((s) => s.save);
  const actions = useScenarioActions();
  if (save.mode !== 'memory' || !save.problem) return null;
  const code = save.problem.code;
  return (
    <div className="storage-banner" role="alert" data-testid="storage-banner" data-code={code}>
      <span className="storage-banner-icon" aria-hidden="true">!</span>
      <div className="storage-banner-text">
        <strong>{t(`scenarios.storage.${code}`, { defaultValue: t('scenarios.storage.storage-failed') })}</strong>{' '}
        <span>{t('scenarios.storage.memoryOnly')}</span>
        <details>
          <summary>{t('scenarios.storage.details')}</summary>
          <p>{save.problem.message}</p>
          <p>{save.problem.fix}</p>
        </details>
      </div>
      <button type="button" className="primary" onClick={() => void actions.exportActive()}>
        {t('scenarios.storage.export')}
      </button>
    </div>
  );
}
