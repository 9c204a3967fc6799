/**
 * The comparison as an XLSX workbook (core/export/change-xlsx.ts): the school table with A, B
 * and the change in the interface language, the same with ids and fractions, the indices, the
 * school trips (when travel is on) and notes. exceljs is loaded on first use (a separate chunk).
 */
import type { IndicatorComparison } from '../../core/compare/compare-indicators';
import type { TravelChangeInput } from '../../core/export/travel-change-table';
import { downloadFile } from '../exports/download';
import type { UiLanguage } from '../format/format-number';
import { scenarioFileName } from '../scenarios/scenario-names';
import type { DatasetSummary } from '../workers/engine-protocol';

export async function downloadComparisonXlsx(table: IndicatorComparison, o: { a: string; b: string; lang: UiLanguage; summary: DatasetSummary; networkLabel: string; threshold: number; travel?: TravelChangeInput | null }): Promise<void> {
  const { schoolChangeXlsx } = await import('../../core/export/change-xlsx');
  const bytes = await schoolChangeXlsx([table], {
    language: o.lang,
    shares: o.summary.shares,
    multigroup: o.summary.multigroup,
    threshold: o.threshold,
    source: o.summary.source,
    scenarioName: `${o.a} — ${o.b}`,
    sideNames: { a: `A: ${o.a}`, b: `B: ${o.b}` },
    dataSuffixes: ['a', 'b'],
    networkLabels: { [table.network]: o.networkLabel },
    travel: [o.travel ?? null],
  });
  downloadFile(scenarioFileName(`${o.a} vs ${o.b}`, '.xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes as Uint8Array<ArrayBuffer>);
}
