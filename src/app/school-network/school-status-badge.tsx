/**
 * The school's status in the selected year, shown next to its name in the school table (and the
 * comparison): closed, not yet open, temporary premises, or a school the scenario opened.
 * Nothing for an open school of the dataset.
 */
import { useTranslation } from 'react-i18next';
import type { PublicSchoolFigures } from '../../core/pupil-base/privacy';

export function SchoolStatusBadge({ now, opened }: { now: PublicSchoolFigures | null; opened: boolean }) {
  const { t } = useTranslation();
  const status = now?.status;
  const key = status && status !== 'open' ? status : opened ? 'opened' : null;
  if (!key) return null;
  return <span className={`school-status school-status-${key}`}> ({t(`schoolStatus.${key}`)})</span>;
}
