/**
 * The impact report printed to PDF by Chromium, read back as text with positions
 * (harness/pdf-text.ts): no heading is the last line of a page's body (headings stay with their
 * content), every page carries its number "n / N" and the footer with author and organisation,
 * the title block names them too, and nothing internal (preset, network or school ids) is
 * printed. The report is the core's, for the sample city after moving cells between schools,
 * so that it runs over several pages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { presets, type PresetId } from '../../src/core/config/presets';
import { impactReportForEngine } from '../../src/core/export/impact-report';
import type { Dataset } from '../../src/core/model/dataset';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import { pdfLines, pdfPagesText } from './harness/pdf-text';
import { useBrowser } from './harness/use-browser';
import manifest from '../../data/sample-city/manifest.json';

const scope = useBrowser();
const NETWORK = 'fi-lower';
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

/** The sample city after three edits: cells of three schools bordering the first school move to it. */
function editedEngine(): ScenarioEngine {
  const engine = new ScenarioEngine(dataset, presets[manifest.preset as PresetId]);
  const u = dataset.units;
  if (u.kind !== 'grid') throw new Error('the sample city has grid units');
  const owner = engine.unitSchool(NETWORK);
  const at = new Map<string, number>();
  for (let i = 0; i < u.count; i++) at.set(`${u.col[i]},${u.row[i]}`, i);
  const ids = dataset.networks.find((n) => n.id === NETWORK)!.schoolIds;
  const byDonor = new Map<number, [number, number][]>();
  for (let i = 0; i < u.count; i++) {
    const d = owner[i];
    if (d <= 0) continue;
    const touches = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dc, dr]) => owner[at.get(`${u.col[i] + dc},${u.row[i] + dr}`) ?? -1] === 0);
    if (touches) byDonor.set(d, [...(byDonor.get(d) ?? []), [u.col[i], u.row[i]]]);
  }
  for (const cells of [...byDonor.values()].slice(0, 3)) {
    const r = engine.apply({ kind: 'assign-cells', networkId: NETWORK, schoolId: ids[0], cells: cells.slice(0, 6) }, { allowEmptying: true });
    if (!r.ok) throw new Error(r.problems[0].message);
  }
  return engine;
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('impact report as PDF', () => {
  test('headings stay with their content; page numbers, author and organisation on every page; nothing internal', async () => {
    const engine = editedEngine();
    const { page } = await scope.newPage();
    for (const language of ['en', 'fi', 'sv'] as const) {
      const html = impactReportForEngine(engine, NETWORK, { name: 'Plan B' }, { language, date: '2025-03-07', author: 'Test Author', organisation: 'City of Example' });
      if (!html.ok) throw new Error(html.problems[0].message);
      await page.setContent(html.value, { waitUntil: 'load' });
      const headings = (await page.locator('h1, h2, h3').allTextContents()).map(squash);
      // Lines with their white space removed: Chromium places glyphs one by one, so spaces are not reliable.
      const pages = pdfPagesText(await page.pdf({ preferCSSPageSize: true })).map((runs) => pdfLines(runs).map((l) => ({ ...l, text: squash(l.text) })));
      expect(pages.length, `${language}: the report runs over several pages`).toBeGreaterThanOrEqual(2);
      const all = pages.flat().map((l) => l.text).join('\n');
      for (const [n, lines] of pages.entries()) {
        // The margin boxes at the foot: "Page n / N" (Sivu, Sida) and the footer line.
        const number = lines.find((l) => new RegExp(`(Page|Sivu|Sida)${n + 1}/${pages.length}$`).test(l.text));
        expect(number, `${language}: page ${n + 1} has its number (lines: ${lines.map((l) => l.text).join(' | ')})`).toBeDefined();
        const footer = lines.find((l) => l.text.includes('TestAuthor') && l.text.includes('CityofExample') && l.y < 60);
        expect(footer, `${language}: page ${n + 1} has the footer`).toBeDefined();
        // The body: everything above the bottom margin (A4 is 842 pt high; the margin boxes sit below 60 pt).
        const body = lines.filter((l) => l.y > 60);
        const last = body[body.length - 1];
        expect(headings.includes(last.text), `${language}: page ${n + 1} ends with the heading "${last.text}"`).toBe(false);
      }
      expect(pages[0].map((l) => l.text).join('\n'), 'title block').toMatch(/TestAuthor[\s\S]*CityofExample/);
      for (const internal of ['statfi-grid', NETWORK, ...dataset.networks.find((n) => n.id === NETWORK)!.schoolIds.slice(0, 5), 'undefined', 'NaN']) {
        expect(all, `${language}: "${internal}" is printed`).not.toContain(internal);
      }
    }
  });
});
