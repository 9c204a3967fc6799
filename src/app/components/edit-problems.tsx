/** Inline alert for an edit the engine refused. */
import { useTranslation } from 'react-i18next';
import { useDocument, useStores } from '../stores/app-stores';

export function EditProblems() {
  const { t } = useTranslation();
  const { document: doc } = useStores();
  const problems = useDocument((s) => s.editProblems);
  if (problems.length === 0) return null;
  return (
    <div className="inline-error" role="alert">
      <strong>{t('errors.editRejected')}</strong>
      {problems.map((p, i) => (
        <p key={i}>
          {p.message} {p.fix}
        </p>
      ))}
      <button type="button" onClick={() => doc.setState({ editProblems: [] })}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
