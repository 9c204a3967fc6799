/**
 * The Export menu of the top bar: scenario file (export/import), school table and indices
 * (CSV, XLSX), catchments (GeoJSON, GeoPackage in EPSG:3067 or EPSG:4326), a PNG of the map
 * with its legend, and the segregation impact assessment (open with a Print button, or
 * download). "Anonymise school names" applies to every export and to the map and table.
 */
import { ReportYearsField, reportYears } from '../time/report-years';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../format/format-number';
import { useScenarioContext, useScenarioUi } from '../scenarios/scenario-context';
import type { ExportKind } from '../scenarios/scenario-protocol';
import { scenarioFileName } from '../scenarios/scenario-names';
import { ScenarioFileInput } from '../scenarios/scenario-file-input';
import { useScenarioActions } from '../scenarios/use-scenario-actions';
import { useDocument, usePreferences } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { downloadFile } from './download';
import { canvasToPng, renderMapImage } from './map-png';
import { openPendingTab, showInTab, withPrintButton } from './report-window';
import './exports.css';
import { useScenarioName } from '../workshop/scenario-alias';

type Crs = 'EPSG:3067' | 'EPSG:4326';

/** Author and organisation of the report, remembered in this browser (never sent anywhere). */
const META_KEY = 'catchment-studio.report-meta';
interface ReportMeta {
  author: string;
  organisation: string;
  date: string;
}
function loadMeta(): ReportMeta {
  const today = new Date().toISOString().slice(0, 10);
  try {
    const stored = JSON.parse(localStorage.getItem(META_KEY) ?? '{}') as Partial<ReportMeta>;
    return { author: String(stored.author ?? ''), organisation: String(stored.organisation ?? ''), date: today };
  } catch {
    return { author: '', organisation: '', date: today };
  }
}

export function ExportMenu() {
  const { t } = useTranslation();
  const { api, ui, scenarios, getMap } = useScenarioContext();
  const actions = useScenarioActions();
  const anonymise = useScenarioUi((s) => s.anonymise);
  const language = usePreferences((s) => s.language) as UiLanguage;
  const network = useDocument(currentNetwork);
  const summary = useDocument((s) => s.summary);
  const [open, setOpen] = useState(false);
  const [crs, setCrs] = useState<Crs>('EPSG:3067');
  const [working, setWorking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownName = useScenarioName();
  const scenarioAlias = anonymise ? shownName(scenarios.getState().host?.activeId ?? '') : undefined;
  const [meta, setMetaState] = useState<ReportMeta>(loadMeta);
  const setMeta = (change: Partial<ReportMeta>) => {
    const next = { ...meta, ...change };
    setMetaState(next);
    try {
      localStorage.setItem(META_KEY, JSON.stringify({ author: next.author, organisation: next.organisation }));
    } catch {
      // Storage refused (private mode): the fields still apply to this session.
    }
  };
  const reportMeta = { author: meta.author.trim(), organisation: meta.organisation.trim(), date: meta.date };
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  const run = async (label: string, work: () => Promise<void>) => {
    setOpen(false);
    setWorking(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setWorking(null);
    }
  };

  const exportKind = (kind: ExportKind) =>
    run(t(`exports.${kind}`), async () => {
      const r = await api.exportFile({ kind, crs, anonymise, language, networkId: network?.id, reportMeta, scenarioAlias, reportYears: reportYears(summary) });
      if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
      downloadFile(r.value.fileName, r.value.mime, r.value.bytes as Uint8Array<ArrayBuffer>);
    });

  const openReport = () => {
    const tab = openPendingTab();
    void run(t('exports.report'), async () => {
      const r = await api.exportFile({ kind: 'report-html', anonymise, language, networkId: network?.id, reportMeta, scenarioAlias, reportYears: reportYears(summary) });
      if (!r.ok) {
        tab?.close();
        throw new Error(r.problems.map((p) => p.message).join(' '));
      }
      const html = withPrintButton(new TextDecoder().decode(r.value.bytes), language);
      if (!showInTab(tab, html)) downloadFile(r.value.fileName, r.value.mime, html);
    });
  };

  const exportPng = () =>
    run(t('exports.png'), async () => {
      const view = getMap();
      const host = scenarios.getState().host;
      if (!view || !host) throw new Error(t('exports.noMap'));
      const scenarioName = shownName(host.activeId);
      const canvas = await renderMapImage(view, {
        scenario: scenarioName,
        network: network?.label[language] ?? '',
        dataset: summary?.name ?? '',
        date: new Date().toLocaleDateString(language === 'en' ? 'en-GB' : `${language}-FI`),
        source: summary?.source ?? '',
        note: t('exports.pngPrivacy', { threshold: summary?.privacyThreshold ?? 10 }),
      });
      downloadFile(scenarioFileName(scenarioName || 'map', `-${new Date().toISOString().slice(0, 10)}.png`), 'image/png', await canvasToPng(canvas));
    });

  const item = (label: string, onClick: () => void, testId: string) => (
    <button type="button" className="menu-item" data-testid={testId} disabled={!!working} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <div className="export-menu" ref={root}>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="export-menu-button">
        {t('exports.menu')} ▾
      </button>
      {open && (
        <div className="menu-popover" role="group" aria-label={t('exports.menu')}>
          <div className="menu-section">{t('exports.scenarioSection')}</div>
          {item(t('exports.scenarioFile'), () => void run(t('exports.scenarioFile'), () => actions.exportActive()), 'export-scenario')}
          {item(t('scenarios.import'), () => fileInput.current?.click(), 'import-scenario')}
          <div className="menu-section">{t('exports.tablesSection')}</div>
          {item(t('exports.schools-csv'), () => void exportKind('schools-csv'), 'export-schools-csv')}
          {item(t('exports.schools-data-csv'), () => void exportKind('schools-data-csv'), 'export-schools-data-csv')}
          {item(t('exports.indices-csv'), () => void exportKind('indices-csv'), 'export-indices-csv')}
          {item(t('exports.xlsx'), () => void exportKind('xlsx'), 'export-xlsx')}
          <div className="menu-section">{t('exports.mapSection')}</div>
          <div className="menu-crs" role="radiogroup" aria-label={t('exports.crs')}>
            {(['EPSG:3067', 'EPSG:4326'] as const).map((c) => (
              <label key={c} className="check">
                <input type="radio" name="export-crs" checked={crs === c} onChange={() => setCrs(c)} />
                {t(`exports.crs${c === 'EPSG:3067' ? '3067' : '4326'}`)}
              </label>
            ))}
          </div>
          {item(t('exports.geojson'), () => void exportKind('geojson'), 'export-geojson')}
          {item(t('exports.gpkg'), () => void exportKind('gpkg'), 'export-gpkg')}
          {item(t('exports.png'), () => void exportPng(), 'export-png')}
          <div className="menu-section">{t('exports.reportSection')}</div>
          <fieldset className="menu-report-fields">
            <legend>{t('exports.reportFields')}</legend>
            <label>
              {t('exports.reportAuthor')}
              <input type="text" value={meta.author} maxLength={120} onChange={(e) => setMeta({ author: e.target.value })} data-testid="report-author" />
            </label>
            <label>
              {t('exports.reportOrganisation')}
              <input type="text" value={meta.organisation} maxLength={120} onChange={(e) => setMeta({ organisation: e.target.value })} data-testid="report-organisation" />
            </label>
            <label>
              {t('exports.reportDate')}
              <input type="date" value={meta.date} onChange={(e) => setMeta({ date: e.target.value })} data-testid="report-date" />
            </label>
            <ReportYearsField />
          </fieldset>
          {item(t('exports.report'), openReport, 'open-report')}
          {item(t('exports.reportDownload'), () => void exportKind('report-html'), 'download-report')}
          <label className="check menu-anonymise">
            <input type="checkbox" checked={anonymise} onChange={(e) => ui.getState().setAnonymise(e.target.checked)} data-testid="anonymise-toggle" />
            {t('exports.anonymise')}
          </label>
          <p className="hint small">{t('exports.privacy', { threshold: summary?.privacyThreshold ?? 10 })}</p>
        </div>
      )}
      {!open && working && (
        <p className="export-toast" role="status">
          {t('exports.working', { what: working })}
        </p>
      )}
      {!open && error && (
        <p className="export-toast error" role="alert">
          {error}
          <button type="button" className="icon-button" aria-label={t('scenarios.dismiss')} onClick={() => setError(null)}>
            ×
          </button>
        </p>
      )}
      <ScenarioFileInput ref={fileInput} testId="menu-import-input" onImported={() => setOpen(false)} />
    </div>
  );
}
