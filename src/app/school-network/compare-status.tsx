/**
 * A school's status in the comparison table (compare/compare-table.tsx): nothing when open in both
 * scenarios; else "A: closed → B: open", with "not in this scenario" for a school opened only in
 * the other one.
 */
import { useTranslation } from 'react-i18next';

export function CompareStatus({ status }: { status?: { a: string | null; b: string | null } }) {
  const { t } = useTranslation();
  if (!status || (status.a === 'open' && status.b === 'open')) return null;
  const text = (s: string | null) => (s === null ? t('schoolNetwork.absent') : t(`schoolStatus.${s}`));
  return <span className="school-status compare-status" data-testid="compare-status"> (A: {text(status.a)} → B: {text(status.b)})</span>;
}
