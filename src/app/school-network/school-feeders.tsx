/**
 * Feeders of the selected school in the selected year (core/feeders/feeders.ts): for a grades 1–6
 * school, the grades 7–9 schools its pupils go on to, with children and the split-feeder flag; for
 * a grades 7–9 school, the 1–6 schools its pupils come from. Children below the privacy threshold
 * print as "<10".
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SPLIT_SHARE } from '../../core/feeders/feeders';
import { formatChildCount } from '../format/format-number';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { schoolFeeders } from './feeder-rows';

export function SchoolFeeders({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { engine } = useStores();
  const network = useDocument(currentNetwork);
  const view = useDocument(currentView);
  const summary = useDocument((s) => s.summary);
  const lang = usePreferences((s) => s.language);
  const editCount = useDocument((s) => s.editCount);
  const year = useDocument((s) => s.year);
  const tables = useQuery({
    queryKey: ['feeders', summary?.name, editCount, year, view?.version],
    queryFn: () => engine.feeders?.(DEFAULT_SPLIT_SHARE) ?? Promise.resolve([]),
    enabled: !!summary && !!engine.feeders,
  });
  if (!network || !summary) return null;
  const names = new Map(summary.networks.flatMap((n) => n.schools.map((s) => [s.id, s.name] as const)));
  const rows = schoolFeeders(tables.data ?? [], network.id, network.level, schoolId);
  return (
    <section className="school-feeders" aria-labelledby="school-feeders-title" data-testid="school-feeders">
      <h3 id="school-feeders-title">{t('schoolNetwork.feeders')}</h3>
      {rows.flows.length === 0 ? (
        <p className="hint">{t('schoolNetwork.noFeeders')}</p>
      ) : (
        <>
          <p className="hint">{network.level === 'lower' ? t('schoolNetwork.feedsInto') : t('schoolNetwork.fedBy')}</p>
          <ul>
            {rows.flows.map((f) => (
              <li key={f.id}>
                {names.get(f.id) ?? f.id}: {formatChildCount(f.children, lang, summary.privacyThreshold)} {t('schoolNetwork.feederChildren')}
              </li>
            ))}
          </ul>
          {rows.split && <p className="school-status school-status-split">⚠ {t('schoolNetwork.split', { share: DEFAULT_SPLIT_SHARE * 100 })}</p>}
        </>
      )}
    </section>
  );
}
