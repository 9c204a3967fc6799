/**
 * Worker side of the Export menu: the active scenario's school table and indices (CSV, XLSX),
 * catchments (GeoJSON, GeoPackage; EPSG:3067 or EPSG:4326) and the segregation impact
 * assessment (HTML). The core functions apply the privacy threshold; `anonymise` passes the
 * workshop aliases ("Koulu A", …). exceljs and sql.js are loaded on first use only (dynamic
 * import: separate chunks, not in the main bundle).
 */
import { schoolAliases } from '../../core/export/anonymise';
import { catchmentsGeoJson } from '../../core/export/catchment-features';
import { compareIndicators, type IndicatorComparison } from '../../core/compare/compare-indicators';
import { changeTableCsv } from '../../core/export/change-table-format';
import { indicesCsv } from '../../core/export/csv-export';
import { schoolChangeTable, type TableVariant } from '../../core/export/school-change-table';
import { applyPrivacy } from '../../core/pupil-base/privacy';
import { impactReportForEngine } from '../../core/export/impact-report';
import { fail, ok, type Result } from '../../core/model/result';
import type { Scenario } from '../../core/scenario/scenario-file';
import type { ScenarioEngine } from '../../core/scenario/scenario-engine';
import { scenarioFileName } from '../scenarios/scenario-names';
import type { ExportedFile, ExportRequest } from '../scenarios/scenario-protocol';
import { travelSide, tripLengths } from '../travel/travel-registry';

const UTF8 = new TextEncoder();

const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  gpkg: 'application/geopackage+sqlite3',
  html: 'text/html;charset=utf-8',
} as const;

/** Today's date as YYYY-MM-DD (for file names). */
function today(now: string): string {
  return now.slice(0, 10);
}

/** Baseline → scenario of every network, privacy applied. */
function changeTables(engine: ScenarioEngine): IndicatorComparison[] {
  const t = engine.config.privacyThreshold;
  return engine.networkIds.map((id) => compareIndicators(applyPrivacy(engine.baselineIndicators(id), t), applyPrivacy(engine.indicators(id), t)));
}

/** Network id → label in the language. */
function networkLabels(engine: ScenarioEngine, language: ExportRequest['language']): Record<string, string> {
  return Object.fromEntries(engine.dataset.networks.map((n) => [n.id, n.labels?.[language] ?? n.label]));
}

/** Produces one export of `engine` (the scenario `scenario`). */
export async function exportFile(engine: ScenarioEngine, scenario: Scenario, request: ExportRequest, now: string = new Date().toISOString()): Promise<Result<ExportedFile>> {
  const { config, dataset } = engine;
  const aliases = request.anonymise ? schoolAliases(dataset.schools, request.language) : null;
  const indicators = engine.networkIds.map((id) => engine.indicators(id));
  // Anonymised: the scenario's alias, no description (a scenario name may name a school).
  const shown = request.scenarioAlias ? { name: request.scenarioAlias, description: undefined } : { name: scenario.name, description: scenario.description };
  const base = `${scenarioFileName(shown.name, '')}-${today(now)}`;
  const crs = request.crs ?? 'EPSG:3067';
  const crsTag = crs === 'EPSG:4326' ? 'wgs84' : 'tm35fin';
  const networks = () => engine.networkIds.map((id) => ({ indicators: engine.indicators(id), catchments: engine.catchments(id) }));
  const year = request.year ?? engine.year; // the engine's figures are for its selected year
  const tableOptions = { language: request.language, shares: config.shares, networkLabels: networkLabels(engine, request.language), aliases, year };
  const tableCsv = (variant: TableVariant) => changeTableCsv(schoolChangeTable(changeTables(engine), { ...tableOptions, variant }), variant, request.language, config.privacyThreshold);
  switch (request.kind) {
    case 'schools-csv':
      return ok({ fileName: `${base}-schools.csv`, mime: MIME.csv, bytes: UTF8.encode(tableCsv('report')) });
    case 'schools-data-csv':
      return ok({ fileName: `${base}-schools-data.csv`, mime: MIME.csv, bytes: UTF8.encode(tableCsv('data')) });
    case 'indices-csv':
      return ok({ fileName: `${base}-indices.csv`, mime: MIME.csv, bytes: UTF8.encode(indicesCsv(indicators, config)) });
    case 'xlsx': {
      const { schoolChangeXlsx } = await import('../../core/export/change-xlsx');
      // School trips per network (baseline and scenario), when the engine has travel.
      const travel = engine.networkIds.map((id) => {
        const a = travelSide(engine, id, 'baseline', config.privacyThreshold);
        const b = travelSide(engine, id, 'current', config.privacyThreshold);
        return a && b ? { a, b, straightLine: b.straightLine } : null;
      });
      const bytes = await schoolChangeXlsx(changeTables(engine), { ...tableOptions, multigroup: config.multigroup, threshold: config.privacyThreshold, source: dataset.source, scenarioName: shown.name, date: now, estimated: indicators.some((i) => i.estimated), travel });
      return ok({ fileName: `${base}.xlsx`, mime: MIME.xlsx, bytes });
    }
    case 'geojson': {
      // GeoJSON has no layers: one file per network (the selected one).
      const id = request.networkId && engine.networkIds.includes(request.networkId) ? request.networkId : engine.networkIds[0];
      const one = [{ indicators: engine.indicators(id), catchments: engine.catchments(id) }];
      return ok({ fileName: `${base}-${id}-catchments-${crsTag}.geojson`, mime: MIME.geojson, bytes: UTF8.encode(catchmentsGeoJson(one, config, { crs, aliases })) });
    }
    case 'gpkg': {
      const [{ default: initSqlJs }, { default: wasmUrl }, { catchmentsGeoPackage }] = await Promise.all([
        import('sql.js'),
        import('sql.js/dist/sql-wasm.wasm?url'),
        import('../../core/export/geopackage-export'),
      ]);
      const SQL = await initSqlJs({ locateFile: () => wasmUrl });
      const bytes = catchmentsGeoPackage(SQL, networks(), config, { crs, aliases, date: now, description: `${shown.name} — ${dataset.name}` });
      return ok({ fileName: `${base}-catchments-${crsTag}.gpkg`, mime: MIME.gpkg, bytes });
    }
    case 'report-html': {
      const networkId = request.networkId ?? engine.networkIds[0];
      // School trips (core/travel): the section on trips, and trips over 5 km by the travel rule (along the streets when loaded).
      const before = travelSide(engine, networkId, 'baseline', config.privacyThreshold);
      const after = travelSide(engine, networkId, 'current', config.privacyThreshold);
      const travel = before && after ? { straightLine: after.straightLine, before, after } : undefined;
      const trips = { tripA: tripLengths(engine, networkId, 'baseline'), tripB: tripLengths(engine, networkId, 'current') };
      const html = impactReportForEngine(engine, networkId, shown, { ...trips, travel, language: request.language, anonymise: request.anonymise, date: request.reportMeta?.date || now, author: request.reportMeta?.author, organisation: request.reportMeta?.organisation, year: request.year ?? engine.year, years: request.reportYears });
      if (!html.ok) return html;
      return ok({ fileName: `${base}-${networkId}-impact-assessment.html`, mime: MIME.html, bytes: UTF8.encode(html.value) }, html.warnings);
    }
    default:
      return fail({ code: 'export-unknown-kind', message: `Unknown export "${String((request as { kind: unknown }).kind)}".`, fix: 'Choose an item of the Export menu.' });
  }
}
