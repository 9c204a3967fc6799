/**
 * School-network statuses in the impact report (issue 10) on the two-network Tiny City
 * (tests/helpers/two-network-bundle.ts; lower schools A, B): a new school C opens with the top-right
 * quarter and B merges into A, both in the base year. The report's school table marks B
 * "open → closed" and C "not in the plan → open"; anonymised, C's invented name is not printed.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { impactReportForEngine } from '../../../src/core/export/impact-report';
import { statusNote } from '../../../src/core/export/report-status';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { twoNetworkBundle } from '../../helpers/two-network-bundle';

async function scenario(): Promise<ScenarioEngine> {
  const dataset = await loadFixtureBundle(twoNetworkBundle());
  const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 3 });
  if (!e.ok) throw new Error(e.problems[0].message);
  const region = [[[[385_500, 6_672_500], [386_000, 6_672_500], [386_000, 6_673_000], [385_500, 6_673_000], [385_500, 6_672_500]]]] as [number, number][][][];
  expect(e.value.apply({ kind: 'open-school', year: 2024, school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 50, location: [385_875, 6_672_875] }, catchment: region }).ok).toBe(true);
  expect(e.value.apply({ kind: 'close-school', year: 2024, schoolId: 'B', to: 'A' }).ok).toBe(true);
  return e.value;
}

const schoolCells = (html: string) => {
  const table = /<table class="schools">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><td>(.*?)<\/td>/g)].map((m) => m[1]);
};

describe('school-network status in the impact report', () => {
  it('marks the closed and the opened school beside their names', async () => {
    const html = impactReportForEngine(await scenario(), 'fi-lower', { name: 'S' }, { language: 'en', date: '2026-01-01' });
    if (!html.ok) throw new Error(html.problems[0].message);
    expect(schoolCells(html.value)).toEqual(['Länsikoulu', 'Itäkoulu (open → closed)', 'Uusikoulu (not in the plan → open)']);
  });

  it('anonymised: the opened school gets a letter too', async () => {
    const html = impactReportForEngine(await scenario(), 'fi-lower', { name: 'S' }, { language: 'fi', date: '2026-01-01', anonymise: true });
    if (!html.ok) throw new Error(html.problems[0].message);
    expect(html.value).not.toContain('Uusikoulu');
    expect(schoolCells(html.value).some((c) => c.endsWith('(ei suunnitelmassa → toiminnassa)'))).toBe(true);
  });

  it('says nothing for a school open before and after', () => {
    expect(statusNote(undefined, 'fi')).toBe('');
    expect(statusNote({ a: 'open', b: 'open' }, 'sv')).toBe('');
    expect(statusNote({ a: 'open', b: 'temporary-premises' }, 'sv')).toBe(' (i drift → i evakueringslokaler)');
  });
});
