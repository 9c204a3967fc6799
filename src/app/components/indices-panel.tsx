/** City-wide indices for the selected share, composite spread and multigroup indices, with baseline and change. */
import { useTranslation } from 'react-i18next';
import { formatChildren, formatIndex, formatIndexChange } from '../format/format-number';
import { useDocument, usePreferences, useStores, useUi } from '../stores/app-stores';
import { currentView } from '../stores/selectors';
import { compositeSpread, multigroupRows, twoGroupRows, type IndexRow } from './index-rows';

export function IndicesPanel() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const view = useDocument(currentView);
  const summary = useDocument((s) => s.summary);
  const lang = usePreferences((s) => s.language);
  const shareId = useUi((s) => s.selectedShareId) ?? summary?.shares[0]?.id ?? null;
  if (!view || !summary) return <section className="panel indices-panel" aria-busy="true" />;
  const threshold = summary.privacyThreshold;
  const totals = (
    <dl className="totals">
      <dt>{t('indices.totalChildren')}</dt>
      <dd>{formatChildren(view.indicators.totals.children, lang, threshold)}</dd>
      <dt>{t('indices.gapChildren')}</dt>
      <dd>{view.indicators.totals.gapChildren === 0 ? '0' : formatChildren(view.indicators.totals.gapChildren, lang, threshold)}</dd>
      <dt>{t('indices.overlapChildren')}</dt>
      <dd>{view.indicators.totals.overlapChildren === 0 ? '0' : formatChildren(view.indicators.totals.overlapChildren, lang, threshold)}</dd>
    </dl>
  );
  if (!shareId)
    // Data without composition fields (e.g. HSY's grid has ages only): no segregation index to compute.
    return (
      <section className="panel indices-panel" aria-labelledby="indices-title">
        <h2 id="indices-title">{t('indices.title')}</h2>
        <p className="panel-note" data-testid="no-shares">{t('indices.noShares')}</p>
        {totals}
      </section>
    );
  const rows: IndexRow[] = [...twoGroupRows(view.indicators, view.baseline, shareId), { key: 'composite', now: compositeSpread(view.indicators), before: compositeSpread(view.baseline) }];
  const multi = multigroupRows(view.indicators, view.baseline);
  const groupLabel = (id: string) => summary.multigroup.find((m) => m.id === id)?.label[lang] ?? id;

  return (
    <section className="panel indices-panel" aria-labelledby="indices-title">
      <h2 id="indices-title">{t('indices.title')}</h2>
      <label className="field">
        <span>{t('indices.share')}</span>
        <select value={shareId} onChange={(e) => ui.getState().selectShare(e.target.value)}>
          {summary.shares.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label[lang]}
            </option>
          ))}
        </select>
      </label>
      <IndexTable rows={rows} lang={lang} t={t} />
      {multi.length > 0 && (
        <>
          <h3>{t('indices.multigroup')}</h3>
          <IndexTable rows={multi} lang={lang} t={t} groupLabel={groupLabel} />
        </>
      )}
      {totals}
    </section>
  );
}

function IndexTable({ rows, lang, t, groupLabel }: { rows: IndexRow[]; lang: 'fi' | 'sv' | 'en'; t: (k: string) => string; groupLabel?: (id: string) => string }) {
  return (
    <table className="index-table">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('indices.baseline')}</th>
          <th scope="col">{t('indices.current')}</th>
          <th scope="col">{t('indices.change')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.group ?? ''}:${r.key}`}>
            <th scope="row">
              {r.group && groupLabel ? `${groupLabel(r.group)}: ` : ''}
              {t(`indices.${r.key}`)}
            </th>
            <td className="num">{formatIndex(r.before, lang)}</td>
            <td className="num">{formatIndex(r.now, lang)}</td>
            <td className="num change-cell">{r.now !== null && r.before !== null ? formatIndexChange(r.now - r.before, lang) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
