/**
 * Editing end to end with real mouse events: lasso a region for a school, see the table and the
 * indices change, undo, see them return. Skeleton: the lead fills it in once the scenario
 * engine lands (src/core/scenario/scenario-engine.ts is a stub at the time of writing).
 *
 * Recipe (all helpers exist):
 *   const app = await scope.openApp();
 *   const before = await app.state();                       // indicators, baseline, canUndo
 *   const school = (before.indicators as NetworkIndicators).schools[0];
 *   await app.page.evaluate((id) => window.__catchmentStudio.selectSchool(id), school.id);
 *   await app.page.evaluate(() => window.__catchmentStudio.setTool('lasso'));
 *   // a ring of EPSG:3067 points around a neighbouring school's area → page pixels
 *   const ring = await Promise.all(points3067.map(([x, y]) => app.project(x, y)));
 *   await dragAlong(app.page, closedRing(ring));            // harness/mouse-path.ts
 *   await app.waitReady();
 *   const after = await app.state();                        // canUndo true; school's children grew
 *   // table cell for the school changed: app.page.locator('.school-table tbody tr', { hasText: school.name })
 *   await app.page.keyboard.press('Control+z');             // or the Undo button
 *   await app.waitReady();                                  // indicators equal `before` again
 */
import { describe, test } from 'vitest';
import { useApp } from './harness/use-browser';

useApp();

describe('app edit', () => {
  test.todo('lasso a region for a school: the table and the indices change; undo restores them');
  test.todo('brush-paint cells for a school: the changed cells are highlighted; undo clears them');
});
