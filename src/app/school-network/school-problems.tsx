/** The core's named problems of a refused school-network record, beside the form that sent it. */
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/model/result';

export function SchoolProblems({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="inline-error" role="alert" data-testid="school-problems">
      <strong>{t('schoolNetwork.refused')}</strong>
      {problems.map((p, i) => (
        <p key={i} data-code={p.code}>
          {p.message} {p.fix}
        </p>
      ))}
    </div>
  );
}
