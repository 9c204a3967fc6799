/** The top-bar entry that opens the import wizard (the wizard itself loads when first opened: first-load/lazy-views.tsx). */
import { useTranslation } from 'react-i18next';
import { useImportStore } from './import-context';
import './import.css';

/** The top-bar entry that opens the wizard. */
export function ImportButton() {
  const { t } = useTranslation();
  const store = useImportStore();
  if (!store) return null;
  return (
    <button type="button" className="import-open" onClick={() => store.getState().openWizard()} aria-haspopup="dialog">
      <span aria-hidden="true">⤓</span> <span className="button-label">{t('import.open')}</span>
    </button>
  );
}
