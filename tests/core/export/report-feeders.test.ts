/**
 * The impact report's feeder table on the two-network Tiny City (tests/helpers/two-network-bundle.ts):
 * base year 2024, children per cell of column c 10 + 5c; A = columns 0–1, B = columns 2–3;
 * U1 = columns 0–2, U2 = column 3. A new lower school C takes the top-right quarter (columns 2–3,
 * rows 2–3), so per pair: A → U1 = 4 × 10 + 4 × 15 = 100; B → U1 = 2 × 20 = 40, B → U2 = 2 × 25 = 50;
 * C → U1 = 40, C → U2 = 50. B and C send 40/90 = 44 % to their second school: split at 10 %.
 */
import { describe, expect, it } from 'vitest';
import { presets } from '../../../src/core/config/presets';
import { impactReportForEngine } from '../../../src/core/export/impact-report';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';
import { twoNetworkBundle } from '../../helpers/two-network-bundle';

describe('impact report feeders', () => {
  it('lists each lower school by upper school with children, flags split feeders, and names an opened school', async () => {
    const dataset = await loadFixtureBundle(twoNetworkBundle());
    const e = ScenarioEngine.create(dataset, presets['statfi-grid'], { baseYear: 2024, horizon: 3 });
    if (!e.ok) throw new Error(e.problems[0].message);
    const engine = e.value;
    const region = [[[[385_500, 6_672_500], [386_000, 6_672_500], [386_000, 6_673_000], [385_500, 6_673_000], [385_500, 6_672_500]]]] as [number, number][][][];
    const r = engine.apply({ kind: 'open-school', year: 2024, school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 50, location: [385_875, 6_672_875] }, catchment: region });
    expect(r.ok).toBe(true);
    const html = impactReportForEngine(engine, 'fi-lower', { name: 'S' }, { language: 'en', date: '2026-01-01' });
    if (!html.ok) throw new Error(html.problems[0].message);
    const section = /<section class="feeder-section">([\s\S]*?)<\/section>/.exec(html.value)?.[1] ?? '';
    const rows = [...section.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td class="num">(.*?)<\/td><\/tr>/g)].map((m) => `${m[1]} > ${m[2]}: ${m[3]}`);
    expect(rows).toEqual([
      'Länsikoulu > Yläkoulu 1: 100',
      'Itäkoulu <em>(split)</em> > Yläkoulu 1: 40',
      'Itäkoulu <em>(split)</em> > Yläkoulu 2: 50',
      'Uusikoulu <em>(split)</em> > Yläkoulu 1: 40',
      'Uusikoulu <em>(split)</em> > Yläkoulu 2: 50',
    ]);
    expect(section).toContain('more than 10 %');
  });
});
