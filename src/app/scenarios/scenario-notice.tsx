/**
 * Notices of scenario operations: import warnings (dataset-mismatch, scenario-migrated),
 * failures and restore problems, each problem with its fix. Shown inside the manager dialog
 * while it is open (a modal dialog hides everything else), else over the map.
 */
import { useTranslation } from 'react-i18next';
import { useScenarioContext, useScenarios, useScenarioUi } from './scenario-context';

export function ScenarioNotice({ inDialog }: { inDialog: boolean }) {
  const { t } = useTranslation();
  const { scenarios } = useScenarioContext();
  const notice = useScenarios((s) => s.notice);
  const managerOpen = useScenarioUi((s) => s.overlay === 'manager');
  if (!notice || inDialog !== managerOpen) return null;
  return (
    <div className={`scenario-notice ${notice.tone}${inDialog ? '' : ' scenario-notice-floating'}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="scenario-notice">
      <div className="scenario-notice-body">
        <strong>{t(notice.title)}</strong>
        <ul>
          {notice.problems.map((p, i) => (
            <li key={i} data-code={p.code}>
              {t(`scenarios.problem.${p.code}`, { defaultValue: p.message })}
              {p.fix && <span className="fix"> {t('scenarios.fix')}: {t(`scenarios.problemFix.${p.code}`, { defaultValue: p.fix })}</span>}
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="icon-button" aria-label={t('scenarios.dismiss')} onClick={() => scenarios.getState().dismissNotice()}>
        ×
      </button>
    </div>
  );
}
