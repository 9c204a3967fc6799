/**
 * The persistent banner shown when scenarios cannot be saved (storage full, private mode,
 * IndexedDB unavailable or blocked, another tab saving): it names the problem, says that work
 * continues in this tab only, and offers to export the scenario to a file, and, when another tab
 * holds the work, to continue here instead.
 */
import { useTranslation } from 'react-i18next';
import { useScenarios } from '../scenarios/scenario-context';
import { useScenarioActions } from '../scenarios/use-scenario-actions';

export function StorageBanner() {
  const { t } = useTranslation();
  const save = useScenarios((s) => s.save);
  const takeOver = useScenarios((s) => s.takeOver);
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
      <button type="button" className={takeOver || code === 'storage-taken-over' ? undefined : 'primary'} onClick={() => void actions.exportActive()}>
        {t('scenarios.storage.export')}
      </button>
      {code === 'storage-other-tab' && takeOver ? (
        <button type="button" className="primary" data-testid="storage-take-over" onClick={() => void takeOver()}>
          {t('scenarios.storage.takeOver')}
        </button>
      ) : null}
      {code === 'storage-taken-over' ? (
        <button type="button" className="primary" data-testid="storage-reload" onClick={() => location.reload()}>
          {t('scenarios.storage.reload')}
        </button>
      ) : null}
    </div>
  );
}
