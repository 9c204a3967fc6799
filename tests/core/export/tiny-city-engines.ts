/** Tiny City engines shared by the export tests (tests/fixtures/tiny-city/README.md). */
import { presets } from '../../../src/core/config/presets';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Edit } from '../../../src/core/scenario/edit';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';

export const config = presets['statfi-grid'];

export const column2: Edit = { kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'A', cells: [[2, 0], [2, 1], [2, 2], [2, 3]] };

/**
 * An engine where school A keeps only the western half of cell (0, 0): 10 / 2 = 5 children,
 * below the privacy threshold 10. Columns 0–1 but (0, 0) go to B, then x 385 125–385 600 of row 0.
 */
export function smallSchoolEngine(dataset: Dataset): ScenarioEngine {
  const engine = new ScenarioEngine(dataset, config);
  const cells: [number, number][] = [[0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [1, 2], [1, 3]];
  const a = engine.apply({ kind: 'assign-cells', networkId: 'fi-lower', schoolId: 'B', cells });
  const b = engine.apply({
    kind: 'assign-region', networkId: 'fi-lower', schoolId: 'B',
    region: [[[[385_125, 6_671_900], [385_600, 6_671_900], [385_600, 6_672_250], [385_125, 6_672_250], [385_125, 6_671_900]]]],
  });
  if (!a.ok || !b.ok) throw new Error('small-school edits failed');
  return engine;
}
