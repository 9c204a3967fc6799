/**
 * Catchment colours stay put: three single-cell edits made with real clicks of the cell tool
 * (each confirmed with the mouse when it asks, and the map view does not move)
 * recolour at most the schools each edit changed (the core, replaying the app's edit records,
 * says which), and each Ctrl+Z brings back exactly the colours before that edit. Colours are
 * read from what the catchment layers are given (the hook) and from the table's swatches.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { presets, type PresetId } from '../../src/core/config/presets';
import type { Dataset } from '../../src/core/model/dataset';
import type { Edit } from '../../src/core/scenario/edit';
import { ScenarioEngine } from '../../src/core/scenario/scenario-engine';
import { multiPolygonArea } from '../../src/core/geometry/area';
import { loadFixtureBundle } from '../helpers/load-fixture-bundle';
import type { AppPage } from './harness/app-page';
import { useApp } from './harness/use-browser';
import manifest from '../../data/sample-city/manifest.json';

const scope = useApp();
const NETWORK = 'fi-lower';
let dataset: Dataset;

beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
});

type Hook = { catchmentColours(): Record<string, number[]>; edits(): Promise<Edit[]>; selectSchool(id: string): void; setTool(t: string): void };
type HookWindow = { __catchmentStudio: Hook };
const colours = (app: AppPage) => app.page.evaluate(() => (window as unknown as HookWindow).__catchmentStudio.catchmentColours());
const editCount = (app: AppPage) => app.page.evaluate(async () => (await (window as unknown as HookWindow).__catchmentStudio.edits()).length);

/**
 * `count` cells of other schools that share an edge with the target's cells, each from a
 * different donor whose catchment is over 10 km² (so one cell never empties it), the nearest
 * to the first such cell (the cell tool zooms the map to the clicked cell, so the next clicks
 * must stay in view).
 */
function borderCells(target: number, count: number): [number, number][] {
  const u = dataset.units;
  if (u.kind !== 'grid') throw new Error('the sample city has grid units');
  const engine = new ScenarioEngine(dataset, presets[manifest.preset as PresetId]);
  const owner = engine.unitSchool(NETWORK);
  const at = new Map<string, number>();
  for (let i = 0; i < u.count; i++) at.set(`${u.col[i]},${u.row[i]}`, i);
  const big = dataset.partitions[NETWORK].catchments.map((c) => multiPolygonArea(c) > 10e6);
  const candidates: { donor: number; col: number; row: number }[] = [];
  for (let i = 0; i < u.count; i++) {
    const d = owner[i];
    if (d < 0 || d === target || !big[d]) continue;
    const touches = [[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dc, dr]) => owner[at.get(`${u.col[i] + dc},${u.row[i] + dr}`) ?? -1] === target);
    if (touches) candidates.push({ donor: d, col: u.col[i], row: u.row[i] });
  }
  const first = candidates[0];
  candidates.sort((a, b) => Math.hypot(a.col - first.col, a.row - first.row) - Math.hypot(b.col - first.col, b.row - first.row));
  const donors = new Set<number>();
  const out: [number, number][] = [];
  for (const c of candidates) {
    if (donors.has(c.donor) || out.length === count) continue;
    donors.add(c.donor);
    out.push([u.grid.originX + (c.col + 0.5) * u.grid.cellSize, u.grid.originY + (c.row + 0.5) * u.grid.cellSize]);
  }
  return out;
}

/** Schools (ids) whose weights each of `edits` changed, replayed in the core in order. */
function changedByEach(edits: Edit[]): Set<string>[] {
  const engine = new ScenarioEngine(dataset, presets[manifest.preset as PresetId]);
  const ids = dataset.networks.find((n) => n.id === NETWORK)!.schoolIds;
  return edits.map((e) => {
    const r = engine.apply(e, { allowEmptying: true });
    if (!r.ok) throw new Error(r.problems[0].message);
    return new Set(r.value.changedSchools.map((i) => ids[i]));
  });
}

async function swatches(app: AppPage): Promise<string[]> {
  return app.page.locator('.school-table .swatch').evaluateAll((els) => els.map((e) => (e as HTMLElement).style.background));
}

describe('catchment colours', () => {
  test('single-cell edits recolour only the schools they changed; each undo restores the colours exactly', async () => {
    const app = await scope.openApp(`network=${NETWORK}&lang=en`);
    const network = dataset.networks.find((n) => n.id === NETWORK)!;
    const target = network.schoolIds[0];
    const cells = borderCells(0, 3);
    expect(cells).toHaveLength(3);
    await app.page.evaluate((id) => {
      const h = (window as unknown as HookWindow).__catchmentStudio;
      h.selectSchool(id);
      h.setTool('cell');
    }, target);

    const history = [await colours(app)];
    const swatchHistory = [await swatches(app)];
    for (const [k, [x, y]] of cells.entries()) {
      await app.waitReady();
      const [px, py] = await app.project(x, y);
      await app.page.mouse.click(px, py);
      // A single cell away from its new catchment is a detached piece: the edit asks first (docs/travel.md).
      const apply = app.page.getByRole('button', { name: 'Apply anyway' });
      await expect.poll(async () => (await apply.isVisible()) || (await editCount(app)) === k + 1, { timeout: 30_000 }).toBe(true);
      if (await apply.isVisible()) await apply.click();
      await expect.poll(async () => await editCount(app), { timeout: 30_000 }).toBe(k + 1);
      await app.waitReady();
      // The view stays where it was: answering the confirmation with the mouse hands focus back
      // to the map, which once showed the keyboard cursor and zoomed the map to its centre.
      const [qx, qy] = await app.project(x, y);
      expect(Math.hypot(qx - px, qy - py), 'the map moved after the edit').toBeLessThan(1);
      history.push(await colours(app));
      swatchHistory.push(await swatches(app));
    }
    const edits = await app.page.evaluate(() => (window as unknown as HookWindow).__catchmentStudio.edits());
    const changed = changedByEach(edits);
    for (let k = 0; k < edits.length; k++) {
      const moved = Object.keys(history[k]).filter((id) => history[k][id].join() !== history[k + 1][id].join());
      // Every school whose colour moved was changed by that edit (usually none moves at all).
      for (const id of moved) expect(changed[k].has(id), `edit ${k + 1} recoloured untouched school ${id}`).toBe(true);
    }

    await app.page.locator('.maplibregl-canvas').first().focus();
    for (let k = edits.length; k > 0; k--) {
      await app.page.keyboard.press('Control+z');
      await expect.poll(async () => await editCount(app), { timeout: 30_000 }).toBe(k - 1);
      await app.waitReady();
      expect(await colours(app)).toEqual(history[k - 1]);
      await expect.poll(() => swatches(app)).toEqual(swatchHistory[k - 1]);
    }
  });
});
