/**
 * Where the children of the selected year come from (issue 9): the statistics in the base year,
 * later the cohort model, the city's own forecast where it has figures, or the model's growth on
 * units whose age bands are suppressed; with the children and units of each. Here the user imports
 * the city's forecast table (CSV) or removes it; it applies to every scenario until the page is
 * reloaded. Asked from the worker after every change of the figures on view.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildrenSources, SourceKey } from '../../core/projection/children-sources';
import { SOURCE_KEYS } from '../../core/projection/children-sources';
import type { Problem } from '../../core/model/result';
import { formatChildren, formatNumber, formatPercent } from '../format/format-number';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import './time.css';

export function ChildrenSourcesNote() {
  const { t } = useTranslation();
  const stores = useStores();
  const { engine } = stores;
  const summary = useDocument((s) => s.summary);
  const networkId = useDocument((s) => s.networkId);
  const year = useDocument((s) => s.year);
  const view = useDocument(currentView);
  const lang = usePreferences((s) => s.language);
  const [sources, setSources] = useState<ChildrenSources | null>(null);
  const [busy, setBusy] = useState(false);
  const [warnings, setWarnings] = useState<Problem[]>([]);

  useEffect(() => {
    if (!networkId || !engine.childrenSources) return;
    let live = true;
    void engine.childrenSources(networkId).then((s) => live && setSources(s));
    return () => {
      live = false;
    };
  }, [networkId, year, view, engine]);

  if (!summary?.years || !engine.childrenSources || !engine.importForecast || !sources) return null;
  const threshold = summary.privacyThreshold;
  const take = async (file: { name: string; bytes: Uint8Array } | null) => {
    setBusy(true);
    try {
      const r = await stores.document.getState().importForecast(file);
      setWarnings(r?.warnings ?? []);
    } finally {
      setBusy(false);
    }
  };
  const part = (k: SourceKey) => {
    const children = sources.children[k];
    const share = children !== null && sources.total ? children / sources.total : null;
    return t('sources.part', {
      source: k === 'forecast' ? t('sources.forecast', { name: sources.forecastName ?? '' }) : t(`sources.${k}`),
      children: formatChildren(children, lang, threshold),
      share: formatPercent(share, lang, 0),
      units: formatNumber(sources.units[k], lang),
    });
  };
  const parts = SOURCE_KEYS.filter((k) => sources.units[k] > 0);
  return (
    <section className="children-sources" aria-label={t('sources.label')} data-testid="children-sources">
      <p role="status" data-testid="children-sources-text">
        {t('sources.intro', { year: sources.year })}{' '}
        {parts.length === 0 ? t('sources.noChildren') : parts.map(part).join('; ')}.
        {sources.forecastName !== null && sources.units.forecast === 0 && <> {t('sources.forecastNotThisYear', { name: sources.forecastName })}</>}
      </p>
      <div className="housing-actions">
        <label className="button-like">
          {busy ? t('sources.importing') : t('sources.import')}
          <input type="file" className="sr-only" data-testid="forecast-file" accept=".csv,.txt,.tsv" disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void file.arrayBuffer().then((b) => take({ name: file.name, bytes: new Uint8Array(b) }));
            }} />
        </label>
        {sources.forecastName !== null && (
          <button type="button" disabled={busy} onClick={() => void take(null)} data-testid="forecast-remove">{t('sources.remove')}</button>
        )}
      </div>
      <p className="hint">{t('sources.hint')}</p>
      {warnings.map((w) => <p key={w.code} className="hint" role="alert">{w.message}</p>)}
    </section>
  );
}
