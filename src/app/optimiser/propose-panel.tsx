/**
 * "Propose": choose the measure and the limits, run the optimiser in the engine worker with a
 * progress bar and the best plan so far on the map and in the numbers, stop at any time, and
 * accept the plan as a new scenario whose changes are ordinary assign records (undo, edit,
 * compare, report). The trade-off view runs it for several caps on children rezoned.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/model/result';
import { formatNumber, formatPercent } from '../format/format-number';
import { useScenarioContext } from '../scenarios/scenario-context';
import { nextScenarioName } from '../scenarios/scenario-names';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import type { EngineApi } from '../workers/engine-protocol';
import { mergeSnapshot } from '../stores/network-view';
import { registerOptimiserTranslations } from './optimiser-i18n';
import type { OptimiserApi, ProposeProgress, ProposeRequest, ProposeResult } from './optimiser-protocol';
import { clearPlanPreview, showPlanPreview } from './plan-preview';
import type { TradeOffPoint } from './trade-off-chart';
import { LockSchools, NO_LOCKS } from './lock-schools';
import { measureTextOf, positiveWeights, requestOf, WEIGHTED, type Form } from './propose-request';

/** ECharts loads only when there is a curve to draw (first-load/lazy-views.tsx, docs/app.md "First load"). */
const TradeOffChart = lazy(() => import('./trade-off-chart').then((m) => ({ default: m.TradeOffChart })));

export const TRADE_OFF_CAPS = [0.05, 0.1, 0.2, 0.3];
/** The map shows the best plan so far at most this often (each preview redraws the map). */
const PREVIEW_MS = 1500;

export function ProposePanel() {
  const { t, i18n } = useTranslation();
  useMemo(() => registerOptimiserTranslations(i18n), [i18n]);
  const stores = useStores();
  const { scenarios } = useScenarioContext();
  const optimiser = (stores.engine as EngineApi & { optimiser?: OptimiserApi }).optimiser;
  const summary = useDocument((s) => s.summary);
  const networkId = useDocument((s) => s.networkId);
  const lang = usePreferences((s) => s.language);
  const year = useDocument((s) => s.year);
  const [form, setForm] = useState<Form>({ measure: '', rezonedPct: '20', unlimited: false, tripPct: '', tripM: '', low: '85', high: '110', seconds: '10', seed: '1', locks: NO_LOCKS, weights: {} });
  const [progress, setProgress] = useState<ProposeProgress | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<ProposeResult | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [curve, setCurve] = useState<TradeOffPoint[]>([]);
  const lastPreview = useRef(0);
  if (!optimiser || !summary || !networkId) return null;
  const measures = [
    ...summary.shares.map((s) => ({ id: `share:${s.id}`, label: t('optimiser.measureShare', { label: s.label[lang] }) })),
    ...summary.multigroup.flatMap((g) => [
      { id: `mgd:${g.id}`, label: t('optimiser.measureMgd', { label: g.label[lang] }) },
      { id: `mgh:${g.id}`, label: t('optimiser.measureMgh', { label: g.label[lang] }) },
    ]),
  ];
  const measure = form.measure || measures[0]?.id || '';
  const weighted = measure === WEIGHTED;
  const measureText = measureTextOf({ measure, weights: form.weights });
  const weightedIds = new Set(positiveWeights(form.weights).map(([id]) => id));
  const measureLabel = weighted
    ? measures.filter((m) => weightedIds.has(m.id)).map((m) => `${form.weights[m.id]} × ${m.label}`).join(' + ')
    : (measures.find((m) => m.id === measure)?.label ?? measure);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const pct = (v: number | null) => (v === null ? '–' : formatPercent(v, lang, 1));
  const idx = (v: number) => formatNumber(v, lang, 4);

  /** Runs one search with the preview on the map; resolves to the verified plan or null. */
  const runOne = async (request: ProposeRequest, label: string): Promise<ProposeResult | null> => {
    const scenarioChanged = stores.document.getState().views[request.networkId]?.unitChanged ?? null;
    setRunning(label);
    setProgress(null);
    try {
      const r = await optimiser.propose(request, (p) => {
        setProgress(p);
        const now = performance.now();
        if (now - lastPreview.current > PREVIEW_MS) {
          lastPreview.current = now;
          showPlanPreview(request.networkId, p.moved, scenarioChanged);
        }
      });
      if (!r.ok) {
        setProblems(r.problems);
        return null;
      }
      return r.value;
    } finally {
      clearPlanPreview();
      setRunning(null);
    }
  };

  const start = async () => {
    setResult(null);
    setProblems([]);
    setResult(await runOne(requestOf({ ...form, measure }, networkId), t('optimiser.start')));
  };

  const tradeOff = async () => {
    setResult(null);
    setProblems([]);
    setCurve([]);
    const points: TradeOffPoint[] = [];
    for (const [i, cap] of TRADE_OFF_CAPS.entries()) {
      const request = { ...requestOf({ ...form, measure }, networkId), maxRezonedShare: cap, seconds: Math.max(1, Math.round(requestOf(form, networkId).seconds / 2)) };
      const r = await runOne(request, t('optimiser.tradeOffRunning', { cap: pct(cap), index: i + 1, count: TRADE_OFF_CAPS.length }));
      if (!r) break;
      points.push({ cap, measure: r.figures.measureAfter, rezoned: r.figures.rezonedShare, meanTrip: r.figures.meanTripAfter, before: r.figures.measureBefore, tripBefore: r.figures.meanTripBefore });
      setCurve(points.slice());
      if (r.stopped) break;
    }
  };

  const accept = async () => {
    if (!result) return;
    const host = scenarios.getState().host;
    if (!host) return;
    const drop = result.figures.measureBefore > 0 ? 1 - result.figures.measureAfter / result.figures.measureBefore : 0;
    const name = nextScenarioName(t('optimiser.scenarioName', { measure: weighted ? t('optimiser.measureWeighted') : (measure.split(':')[1] ?? measure), drop: pct(drop) }), host.scenarios.map((s) => s.name));
    // The plan becomes a new scenario in one step: the active scenario's records in effect plus the
    // plan's records, imported as a scenario file (the same path as a file import). Applying the
    // records one by one after a duplicate raced the scenario switch and lost some of them.
    const exported = await scenarios.getState().exportText(host.activeId);
    if (!exported) return;
    const file = JSON.parse(exported.text) as { scenario: Record<string, unknown>; cursor: number; edits: unknown[] };
    file.edits = [...file.edits.slice(0, file.cursor), ...result.edits];
    file.cursor = file.edits.length;
    file.scenario = { ...file.scenario, name };
    if (!(await scenarios.getState().importText(JSON.stringify(file)))) return;
    // One full snapshot at the end, so the views cannot keep a snapshot taken mid-way by the scenario switch.
    const snapshot = await stores.engine.snapshot(networkId);
    const count = summary.networks.find((n) => n.id === networkId)?.schools.length ?? 0;
    stores.document.setState((s) => ({
      views: { ...s.views, [networkId]: mergeSnapshot(undefined, snapshot, count) },
      canUndo: snapshot.canUndo, canRedo: snapshot.canRedo, editCount: snapshot.editCount,
    }));
    setResult(null);
  };

  const f = result?.figures;
  const drop = (before: number, after: number) => (before > 0 ? 1 - after / before : 0);
  return (
    <section className="panel propose-panel" aria-labelledby="propose-title">
      <details>
        <summary>
          <h2 id="propose-title">{t('optimiser.title')}</h2>
        </summary>
        <p className="hint">{t('optimiser.intro')}</p>
        {year !== null && <p className="hint propose-year">{t('optimiser.year', { year })}</p>}
        <label className="field">
          <span>{t('optimiser.measure')}</span>
          <select value={measure} onChange={(e) => set({ measure: e.target.value })} disabled={!!running}>
            {measures.map((m) => (
              <option key={m.id} value={m.id}>{m.label}</option>
            ))}
            {measures.length > 1 && <option value={WEIGHTED}>{t('optimiser.measureWeighted')}</option>}
          </select>
        </label>
        {weighted && (
          <fieldset className="propose-weights">
            <legend>{t('optimiser.weightsLegend')}</legend>
            {measures.map((m) => (
              <label className="field" key={m.id}>
                <span>{t('optimiser.weightOf', { label: m.label })}</span>
                <input type="number" min={0} step={0.1} value={form.weights[m.id] ?? ''} disabled={!!running} onChange={(e) => set({ weights: { ...form.weights, [m.id]: e.target.value } })} />
              </label>
            ))}
            {!measureText && <p className="hint">{t('optimiser.weightedNone')}</p>}
          </fieldset>
        )}
        <label className="field">
          <span>{t('optimiser.maxRezoned')}</span>
          <input type="number" min={0} max={100} step={1} value={form.rezonedPct} disabled={form.unlimited || !!running} onChange={(e) => set({ rezonedPct: e.target.value })} />
        </label>
        <label className="field checkbox">
          <input type="checkbox" checked={form.unlimited} disabled={!!running} onChange={(e) => set({ unlimited: e.target.checked })} />
          <span>{t('optimiser.unlimited')}</span>
        </label>
        <label className="field">
          <span>{t('optimiser.maxTrip')}</span>
          <input type="number" min={0} step={5} value={form.tripPct} disabled={!!running} onChange={(e) => set({ tripPct: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('optimiser.maxTripM')}</span>
          <input type="number" min={0} step={100} value={form.tripM} disabled={!!running} onChange={(e) => set({ tripM: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('optimiser.utilLow')}</span>
          <input type="number" min={0} max={200} value={form.low} disabled={!!running} onChange={(e) => set({ low: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('optimiser.utilHigh')}</span>
          <input type="number" min={0} max={300} value={form.high} disabled={!!running} onChange={(e) => set({ high: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('optimiser.seconds')}</span>
          <input type="number" min={1} max={600} value={form.seconds} disabled={!!running} onChange={(e) => set({ seconds: e.target.value })} />
        </label>
        <label className="field">
          <span>{t('optimiser.seed')}</span>
          <input type="number" min={0} step={1} value={form.seed} disabled={!!running} aria-describedby="propose-seed-hint" onChange={(e) => set({ seed: e.target.value })} />
        </label>
        <p className="hint" id="propose-seed-hint">{t('optimiser.seedHint')}</p>
        <LockSchools value={form.locks} disabled={!!running} onChange={(locks) => set({ locks })} />
        <div className="propose-buttons">
          {running ? (
            <button type="button" className="propose-stop" onClick={() => void optimiser.stop()}>{t('optimiser.stop')}</button>
          ) : (
            <>
              <button type="button" className="propose-start" disabled={!measureText} onClick={() => void start()}>{t('optimiser.start')}</button>
              <button type="button" className="propose-trade-off" disabled={!measureText} onClick={() => void tradeOff()}>{t('optimiser.tradeOff')}</button>
            </>
          )}
        </div>
        {running && (
          <div className="propose-progress" role="status">
            <p>{running}</p>
            <progress max={1} value={progress?.fraction ?? 0} aria-label={t('optimiser.progress')} />
            <p>{t('optimiser.running', { seconds: formatNumber(progress?.seconds ?? 0, lang, 0) })}</p>
            {progress && (
              <p className="propose-best">
                {t('optimiser.best', { measure: measureLabel, before: idx(progress.startMeasure), after: idx(progress.bestMeasure), drop: pct(drop(progress.startMeasure, progress.bestMeasure)), rezoned: pct(progress.bestRezonedShare) })}
              </p>
            )}
            <p className="hint">{t('optimiser.busy')}</p>
          </div>
        )}
        {problems.length > 0 && (
          <div role="alert" className="propose-problems">
            <strong>{t('optimiser.failed')}</strong>
            <ul>{problems.map((p, i) => <li key={i}>{p.message} {p.fix}</li>)}</ul>
          </div>
        )}
        {result && f && (
          <div className="propose-result" role="status">
            {result.edits.length === 0 ? (
              <p>{t('optimiser.noChange')}</p>
            ) : (
              <p>
                {t('optimiser.result', {
                  measure: measureLabel, before: idx(f.measureBefore), after: idx(f.measureAfter), drop: pct(drop(f.measureBefore, f.measureAfter)), rezoned: pct(f.rezonedShare),
                  tripBefore: `${formatNumber(f.meanTripBefore, lang, 0)} m`, tripAfter: `${formatNumber(f.meanTripAfter, lang, 0)} m`,
                  utilMin: pct(f.utilisationMin), utilMax: pct(f.utilisationMax), edits: result.edits.length,
                })}
              </p>
            )}
            <p className="hint propose-trips">{t(f.straightLine ? 'optimiser.straightLine' : 'optimiser.streets')}</p>
            {result.stopped && <p className="hint">{t('optimiser.stopped')}</p>}
            <div className="propose-buttons">
              {result.edits.length > 0 && <button type="button" className="propose-accept" onClick={() => void accept()}>{t('optimiser.accept')}</button>}
              <button type="button" onClick={() => setResult(null)}>{t('optimiser.discard')}</button>
            </div>
          </div>
        )}
        {curve.length > 0 && (
          <Suspense fallback={null}>
            <TradeOffChart points={curve} />
          </Suspense>
        )}
      </details>
    </section>
  );
}
