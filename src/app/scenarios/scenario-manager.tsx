/**
 * The scenario manager: a modal dialog listing the dataset's scenarios with create, import,
 * open (switch), rename/describe, duplicate, export, delete and the workshop-deck flag.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenarioContext, useScenarios, useScenarioUi } from './scenario-context';
import { ScenarioFileInput } from './scenario-file-input';
import { ScenarioNotice } from './scenario-notice';
import { ScenarioRow } from './scenario-row';
import { useScenarioActions } from './use-scenario-actions';

export function ScenarioManager() {
  const { t } = useTranslation();
  const { ui } = useScenarioContext();
  const open = useScenarioUi((s) => s.overlay === 'manager');
  const host = useScenarios((s) => s.host);
  const busy = useScenarios((s) => s.busy);
  const actions = useScenarioActions();
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="scenario-dialog" aria-labelledby="scenario-manager-title" onClose={() => ui.getState().open('none')}>
      <header className="dialog-header">
        <h2 id="scenario-manager-title">{t('scenarios.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('scenarios.close')} onClick={() => ui.getState().open('none')}>
          ×
        </button>
      </header>
      <p className="hint">{t('scenarios.intro')}</p>
      <ScenarioNotice inDialog />
      <div className="scenario-toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => void actions.create()}>
          + {t('scenarios.new')}
        </button>
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('scenarios.import')}
        </button>
        <ScenarioFileInput ref={fileInput} testId="scenario-import-input" />
        <button type="button" disabled={busy} onClick={() => ui.getState().open('compare')}>
          {t('compare.open')}
        </button>
        {busy && <span className="busy-note" role="status">{t('scenarios.working')}</span>}
      </div>
      <ul className="scenario-list">
        {host?.scenarios.map((s) => (
          <ScenarioRow key={s.id} s={s} active={s.id === host.activeId} busy={busy} actions={{
            open: (id) => void actions.open(id),
            save: (id, name, description) => void actions.save(id, name, description),
            duplicate: (id) => void actions.duplicate(id),
            exportFile: (id) => void actions.exportFile(id),
            remove: (id) => void actions.remove(id),
            setInDeck: (id, inDeck) => void actions.setInDeck(id, inDeck),
          }} />
        ))}
      </ul>
      <p className="hint small">{t('scenarios.storageNote')}</p>
    </dialog>
  );
}
