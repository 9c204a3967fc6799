/** A list of problems, each naming where (file · feature · field), what is wrong and the fix. */
import { useTranslation } from 'react-i18next';
import { escapeControl, type Problem } from '../../core/model/result';
import { problemWhere } from './import-steps';

export function ProblemList({ problems, tone = 'error', limit = 12 }: { problems: readonly Problem[]; tone?: 'error' | 'warning'; limit?: number }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className={`import-problems ${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      {problems.slice(0, limit).map((p, i) => (
        <li key={i} data-code={p.code}>
          <div className="problem-head">
            <span className="problem-code">{p.code}</span>
            {problemWhere(p) && <span className="problem-where">{escapeControl(problemWhere(p))}</span>}
          </div>
          <p className="problem-message">{escapeControl(p.message)}</p>
          <p className="problem-fix">
            <strong>{t('import.fix')}:</strong> {escapeControl(p.fix)}
          </p>
          {p.ids && p.ids.length > 0 && (
            <p className="problem-ids">
              {t('import.ids')}: {escapeControl(p.ids.slice(0, 12).join(', '))}
              {p.ids.length > 12 ? ` … (+${p.ids.length - 12})` : ''}
            </p>
          )}
        </li>
      ))}
      {problems.length > limit && <li className="problem-more">{t('import.moreProblems', { count: problems.length - limit })}</li>}
    </ul>
  );
}
