/**
 * The comparison view (full-window dialog): choose A and B (a scenario or the baseline) and the
 * network; two synchronised maps side by side with the catchments that differ outlined; a
 * summary of children changing school and straight-line trips over 5 km in each; the tables.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/model/result';
import type { UiLanguage } from '../format/format-number';
import { formatNumber, suppressedText } from '../format/format-number';
import { assignColours, bboxAdjacency, CATCHMENT_PALETTE } from '../map/catchment-palette';
import { useScenarioContext, useScenarios, useScenarioUi } from '../scenarios/scenario-context';
import { BASELINE, type ComparisonPayload } from '../scenarios/scenario-protocol';
import { trackDocument } from '../scenarios/scenario-store';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import { CompareTable } from './compare-table';
import { comparisonIndicesCsv, comparisonSchoolsCsv } from '../../core/export/comparison-csv';
import { downloadFile } from '../exports/download';
import { scenarioFileName } from '../scenarios/scenario-names';
import { SplitMap, type SideData } from './split-map';
import { useScenarioName } from '../workshop/scenario-alias';
import { downloadComparisonXlsx } from './comparison-xlsx';
import type { MultiPolygon } from '../../core/model/geometry-types';
import { CompareTravel } from '../travel/compare-travel';

function bbox(mp: MultiPolygon): [number, number, number, number] | null {
  let b: [number, number, number, number] | null = null;
  for (const p of mp) for (const [x, y] of p[0] ?? []) b = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
  return b;
}

export function CompareView({ testMode }: { testMode: boolean }) {
  const open = useScenarioUi((s) => s.overlay === 'compare');
  const dialog = useRef<HTMLDialogElement>(null);
  const { ui } = useScenarioContext();
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="compare-dialog" aria-labelledby="compare-title" onClose={() => ui.getState().open('none')} data-testid="compare-view">
      {open && <CompareBody testMode={testMode} />}
    </dialog>
  );
}

function CompareBody({ testMode }: { testMode: boolean }) {
  const { t } = useTranslation();
  const { api, ui } = useScenarioContext();
  const stores = useStores();
  const host = useScenarios((s) => s.host);
  const summary = useDocument((s) => s.summary);
  const currentNetworkId = useDocument((s) => s.networkId);
  // Both sides are the selected school year's (compare-service.ts); the title says which.
  const year = useDocument((s) => s.year);
  const lang = usePreferences((s) => s.language) as UiLanguage;
  const [a, setA] = useState<string>(BASELINE);
  const [b, setB] = useState<string>(host?.activeId ?? BASELINE);
  const [networkId, setNetworkId] = useState(currentNetworkId ?? summary?.networks[0]?.id ?? '');
  const [result, setResult] = useState<ComparisonPayload | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [loading, setLoading] = useState(false);
  const left = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const split = useRef<SplitMap | null>(null);
  const network = summary?.networks.find((n) => n.id === networkId) ?? null;

  useEffect(() => {
    if (!left.current || !right.current || !summary) return;
    split.current = new SplitMap(left.current, right.current, summary.bounds, testMode);
    return () => {
      split.current?.destroy();
      split.current = null;
    };
  }, [summary, testMode]);

  useEffect(() => {
    let stale = false;
    setLoading(true);
    void trackDocument(stores.document, () => api.compare({ networkId, a, b })).then((r) => {
      if (stale) return;
      setLoading(false);
      if (r.ok) {
        setResult(r.value);
        setProblems([]);
      } else setProblems(r.problems);
    });
    return () => {
      stale = true;
    };
  }, [api, stores, networkId, a, b]);

  // The main map's colours when it shows this network (a school keeps its colour in the comparison), else computed here.
  const mapColours = useDocument((s) => s.views[networkId]?.colourIndex ?? null);
  const colours = useMemo(() => {
    if (!result) return [];
    const index = mapColours && mapColours.length === result.catchmentsA.length ? mapColours : assignColours(bboxAdjacency(result.catchmentsA.map(bbox), 1e-4), CATCHMENT_PALETTE.length);
    return [...index].map((c) => `rgb(${CATCHMENT_PALETTE[c % CATCHMENT_PALETTE.length].join(',')})`);
  }, [result, mapColours]);

  useEffect(() => {
    if (!result || !network || !split.current) return;
    const schools = network.schools.map((s) => ({ lonLat: s.lonLat, name: s.name }));
    const side = (catchments: MultiPolygon[]): SideData => ({ catchments, colours, changed: result.changed, schools, land: summary?.land ?? null });
    split.current.update(side(result.catchmentsA), side(result.catchmentsB));
  }, [result, colours, network, summary]);

  const shownName = useScenarioName();
  // School names as the rest of the screen shows them (aliases while anonymising).
  const table = useMemo(() => {
    if (!result || !network) return result?.table ?? null;
    const names = new Map(network.schools.map((s) => [s.id, s.name]));
    return { ...result.table, schools: result.table.schools.map((s) => ({ ...s, name: names.get(s.id) ?? s.name })) };
  }, [result, network]);
  const options = [{ id: BASELINE, name: t('compare.baseline') }, ...(host?.scenarios ?? []).map((s) => ({ id: s.id, name: shownName(s.id) }))];
  const nameOf = (id: string) => options.find((o) => o.id === id)?.name ?? id;
  const m = result?.movement;
  const count = (v: number | null | undefined) => (v === undefined ? '…' : v === null ? suppressedText(result?.threshold ?? 10) : formatNumber(v, lang));

  return (
    <div className="compare-layout">
      <header className="compare-header">
        <h2 id="compare-title">{t('compare.title')}{year !== null && summary?.years && <> · {t(year === summary.years.base ? 'time.baseYear' : 'time.projected', { year })}</>}</h2>
        <label className="field inline">
          <span>A</span>
          <select value={a} onChange={(e) => setA(e.target.value)} data-testid="compare-a">
            {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <button type="button" className="icon-button" title={t('compare.swap')} aria-label={t('compare.swap')} onClick={() => (setA(b), setB(a))}>⇄</button>
        <label className="field inline">
          <span>B</span>
          <select value={b} onChange={(e) => setB(e.target.value)} data-testid="compare-b">
            {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
        </label>
        <label className="field inline">
          <span>{t('topBar.network')}</span>
          <select value={networkId} onChange={(e) => setNetworkId(e.target.value)}>
            {summary?.networks.map((n) => <option key={n.id} value={n.id}>{n.label[lang]}</option>)}
          </select>
        </label>
        {loading && <span className="busy-note" role="status">{t('compare.computing')}</span>}
        <button type="button" className="close-button" onClick={() => ui.getState().open('none')}>{t('compare.close')}</button>
      </header>
      {problems.length > 0 && (
        <div className="scenario-notice error" role="alert">
          {problems.map((p, i) => <p key={i}>{p.message} {p.fix}</p>)}
        </div>
      )}
      <div className="compare-maps">
        <figure className="compare-map">
          <figcaption><span className="side-tag">A</span> {nameOf(a)}</figcaption>
          <div ref={left} className="compare-map-canvas" />
        </figure>
        <figure className="compare-map">
          <figcaption><span className="side-tag b">B</span> {nameOf(b)}</figcaption>
          <div ref={right} className="compare-map-canvas" />
        </figure>
        <p className="compare-map-key"><span className="key-changed" aria-hidden="true" /> {t('compare.changedKey', { count: result?.changed.length ?? 0 })}</p>
      </div>
      <section className="compare-summary" data-testid="compare-summary" aria-live="polite">
        <div className="figure-card">
          <span className="figure-value" data-testid="moved-children">{count(m?.movedChildren)}</span>
          <span className="figure-label">{t('compare.movedChildren')}</span>
        </div>
        <div className="figure-card">
          <span className="figure-value">{count(m?.movedOverLimitA)} → {count(m?.movedOverLimitB)}</span>
          <span className="figure-label">{t('compare.movedOverLimit', { km: formatNumber((m?.limitMetres ?? 5000) / 1000, lang) })}</span>
        </div>
        <div className="figure-card">
          <span className="figure-value">{count(m?.totalOverLimitA)} → {count(m?.totalOverLimitB)}</span>
          <span className="figure-label">{t('compare.totalOverLimit', { km: formatNumber((m?.limitMetres ?? 5000) / 1000, lang) })}</span>
        </div>
        <p className="compare-sentence">
          {m && t('compare.sentence', { moved: count(m.movedChildren), a: count(m.movedOverLimitA), b: count(m.movedOverLimitB), km: formatNumber(m.limitMetres / 1000, lang) })}{' '}
          <span className="hint small">{result?.travel && !result.travel.straightLine ? t('travel.compareStreets') : t('compare.straightLine')}</span>
        </p>
        {result?.travel && table && <CompareTravel travel={result.travel} changed={result.changed} schools={table.schools} lang={lang} threshold={result.threshold} />}
        {result && table && summary && (
          <div className="compare-downloads" role="group" aria-label={t('compare.download')}>
            <span>{t('compare.download')}:</span>
            {(['schools', 'indices'] as const).map((kind) => (
              <button
                key={kind}
                type="button"
                data-testid={`compare-csv-${kind}`}
                onClick={() => {
                  const o = { a: nameOf(a), b: nameOf(b), shareIds: summary.shares.map((s) => s.id), threshold: result.threshold, travel: result.travel };
                  const text = kind === 'schools' ? comparisonSchoolsCsv(table, o) : comparisonIndicesCsv(table, o);
                  downloadFile(scenarioFileName(`${o.a} vs ${o.b} ${kind}`, '.csv'), 'text/csv;charset=utf-8', text);
                }}
              >
                {t(`compare.csv.${kind}`)}
              </button>
            ))}
            <button type="button" data-testid="compare-xlsx" onClick={() => void downloadComparisonXlsx(table, { a: nameOf(a), b: nameOf(b), lang, summary, networkLabel: network?.label[lang] ?? networkId, threshold: result.threshold, travel: result.travel })}>
              {t('compare.xlsx')}
            </button>
          </div>
        )}
      </section>
      {result && table && summary && (
        <CompareTable table={table} changed={result.changed} shares={summary.shares} lang={lang} threshold={result.threshold} />
      )}
    </div>
  );
}
