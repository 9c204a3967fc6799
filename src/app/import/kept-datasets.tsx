/**
 * The datasets kept in this browser (imported earlier; persistence/dataset-store.ts) and the
 * bundled sample city: open one (the page reloads on it, with its scenarios) or delete a kept
 * one. Shown in the wizard's first step, where a user looks for "my data" or "back to the sample".
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { idbDatasetStore, type DatasetStore } from '../persistence/dataset-store';
import { useScenarios } from '../scenarios/scenario-context';
import { useFormat } from './use-format';

const KEY = ['kept-datasets'];
/** One connection for the list and deletes (the store opens IndexedDB on first use). */
let store: DatasetStore | null = null;
const datasets = () => (store ??= idbDatasetStore());

/** This page's address with ?dataset= set (start-up reads and removes it: main.tsx). */
export function addressOpening(dataset: string, href = location.href): string {
  const url = new URL(href);
  url.searchParams.set('dataset', dataset);
  return url.href;
}

export function KeptDatasets() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const current = useScenarios((s) => s.host?.datasetHash ?? null);
  const client = useQueryClient();
  const list = useQuery({ queryKey: KEY, queryFn: () => datasets().list(), retry: false });
  const remove = useMutation({
    mutationFn: (hash: string) => datasets().remove(hash),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  if (!list.data) return null;
  const onSample = !list.data.some((d) => d.hash === current);
  const date = (iso: string) => new Date(iso).toLocaleDateString(fmt.lang === 'en' ? 'en-GB' : fmt.lang);
  return (
    <section className="kept-datasets" aria-labelledby="kept-datasets-title" data-testid="kept-datasets">
      <h3 id="kept-datasets-title">{t('import.kept.title')}</h3>
      <p className="slot-help">{t('import.kept.help')}</p>
      <ul>
        <li data-testid="kept-sample">
          <span className="kept-name">{t('import.kept.sample')}</span>
          {onSample ? (
            <span className="kept-current">{t('import.kept.open')}</span>
          ) : (
            <button type="button" onClick={() => location.assign(addressOpening('sample'))}>
              {t('import.kept.openAction')}
            </button>
          )}
        </li>
        {list.data.map((d) => (
          <li key={d.hash} data-testid="kept-dataset" data-hash={d.hash}>
            <span className="kept-name">{d.name}</span>
            <span className="kept-meta">{t('import.kept.meta', { units: fmt.n(d.units), schools: fmt.n(d.schools), date: date(d.savedAt) })}</span>
            {d.hash === current ? (
              <span className="kept-current">{t('import.kept.open')}</span>
            ) : (
              <>
                <button type="button" onClick={() => location.assign(addressOpening(d.hash))}>
                  {t('import.kept.openAction')}
                </button>
                <button type="button" className="link-button" disabled={remove.isPending} onClick={() => remove.mutate(d.hash)} aria-label={t('import.kept.deleteLabel', { name: d.name })}>
                  {t('import.kept.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
