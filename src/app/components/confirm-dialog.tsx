/** Accessible confirmation for an edit that would leave schools without area (native <dialog>, focus trapped by the browser). */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument, useStores } from '../stores/app-stores';

export function ConfirmDialog() {
  const { t } = useTranslation();
  const { document: doc } = useStores();
  const pending = useDocument((s) => s.pending);
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (pending && !d.open) {
      d.showModal();
      cancelButton.current?.focus();
    } else if (!pending && d.open) d.close();
  }, [pending]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        doc.getState().cancelPending();
      }}
    >
      <h2 id="confirm-title">{pending && pending.emptiedSchoolNames.length === 0 ? t('travel.confirmTitle') : t('confirm.title')}</h2>
      <div id="confirm-body">
        {pending && pending.emptiedSchoolNames.length > 0 && <p>{t('confirm.body', { names: pending.emptiedSchoolNames.join(', ') })}</p>}
        {pending?.travelWarnings?.map((m) => (
          <p key={m} className="confirm-travel">
            {m}
          </p>
        ))}
      </div>
      <div className="dialog-buttons">
        <button type="button" ref={cancelButton} onClick={() => doc.getState().cancelPending()}>
          {t('confirm.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void doc.getState().confirmPending()}>
          {t('confirm.apply')}
        </button>
      </div>
    </dialog>
  );
}
