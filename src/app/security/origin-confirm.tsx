/**
 * Shown instead of the app when a link's `?bundle=` points at another server: load from there
 * (confirmed for this tab, then the page reloads so the connection policy allows it), or open
 * the sample city.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function OriginConfirm({ origin, onLoad, onSample }: { origin: string; onLoad(): void; onSample(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby="origin-title" aria-describedby="origin-body" onCancel={(e) => e.preventDefault()}>
      <h2 id="origin-title">{t('linkOrigin.title')}</h2>
      <p id="origin-body">{t('linkOrigin.body', { origin })}</p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={onSample}>
          {t('linkOrigin.sample')}
        </button>
        <button type="button" className="primary" onClick={onLoad}>
          {t('linkOrigin.load', { origin })}
        </button>
      </div>
    </dialog>
  );
}
