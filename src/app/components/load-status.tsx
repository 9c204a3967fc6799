/** Progress bar while the bundle loads, and the problems when it fails. */
import { useTranslation } from 'react-i18next';
import { useDocument } from '../stores/app-stores';

export function LoadStatus({ missingSample }: { missingSample: boolean }) {
  const { t } = useTranslation();
  const status = useDocument((s) => s.status);
  const progress = useDocument((s) => s.progress);
  const problems = useDocument((s) => s.problems);
  if (missingSample)
    return (
      <div className="load-status" role="alert">
        <p>{t('load.missingSample')}</p>
      </div>
    );
  if (status === 'error')
    return (
      <div className="load-status" role="alert">
        <h2>{t('load.failed')}</h2>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              {p.file ? <code>{p.file}</code> : null} {p.message}
              <br />
              <strong>{t('load.fix')}:</strong> {p.fix}
            </li>
          ))}
        </ul>
      </div>
    );
  if (status !== 'loading' && status !== 'idle') return null;
  const value = progress && progress.total > 0 ? progress.loaded / progress.total : 0;
  const stage = progress?.stage ?? 'fetch';
  return (
    <div className="load-status" role="status" aria-live="polite">
      <p>
        {t('load.loading')} {t(`load.${stage}`)}
      </p>
      <progress max={1} value={stage === 'engine' && value < 1 ? undefined : value} aria-label={t('load.loading')} />
    </div>
  );
}
