/**
 * School-network records through the real worker pieces in-process (engine service + ScenarioHost +
 * document store) on Tiny City (tests/fixtures/tiny-city/README.md): grid 4 × 4 cells of 250 m
 * from (385 000, 6 672 000); children aged 7–12 in the base year 10 + 5c per cell of column c;
 * A = columns 0–1 (4 × 10 + 4 × 15 = 100), B = columns 2–3 (4 × 20 + 4 × 25 = 180).
 */
import { describe, expect, test } from 'vitest';
import { openTinyCityApp } from '../../helpers/tiny-city-app';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { currentNetwork, currentView } from '../../../src/app/stores/selectors';
import { toLonLat } from '../../../src/app/map/display-projection';
import { temporaryMoves } from '../../../src/app/map/layers/temporary-premises-layers';

const X0 = 385_000;
const Y0 = 6_672_000;

describe('school-network records in the document store', () => {
  test('an opened school joins the list, the map and the figures; a merger closes another; undo restores both', async () => {
    const { document, service } = await openTinyCityApp();
    const base = document.getState().year!;
    const children = () => Object.fromEntries(currentView(document.getState())!.indicatorsFull.schools.map((s) => [s.id, s.children]));
    expect(currentNetwork(document.getState())!.schools.map((s) => s.id)).toEqual(['A', 'B']);
    // Drawn catchment x 385 625–386 000, rows 2–3: C = 2 rows × (½ × 20 + 25) = 70; B = 180 − 70 = 110.
    const region: MultiPolygon = [[[[X0 + 625, Y0 + 500], [X0 + 1000, Y0 + 500], [X0 + 1000, Y0 + 1000], [X0 + 625, Y0 + 1000], [X0 + 625, Y0 + 500]]]];
    await document.getState().requestEdit({ kind: 'open-school', year: base, school: { id: 'C', name: 'Uusikoulu', language: 'fi', grades: '1-6', capacity: 50, location: [X0 + 875, Y0 + 875] }, catchment: region });
    expect(document.getState().editProblems).toEqual([]);
    const network = currentNetwork(document.getState())!;
    expect(network.schools.map((s) => [s.id, s.status, s.opened, s.capacity])).toEqual([['A', 'open', false, expect.any(Number)], ['B', 'open', false, expect.any(Number)], ['C', 'open', true, 50]]);
    // The same object while nothing changes (a stable selector).
    expect(currentNetwork(document.getState())).toBe(network);
    const view = currentView(document.getState())!;
    expect(view.catchments).toHaveLength(3);
    expect(view.catchments[2].length).toBeGreaterThan(0);
    expect(children().C).toBeCloseTo(70, 9);
    expect(children().B).toBeCloseTo(110, 9);
    // Merger: B closes into A; A = 100 + 110 = 210, B listed as closed with 0 children.
    await document.getState().requestEdit({ kind: 'close-school', year: base, schoolId: 'B', to: 'A' });
    expect(children().A).toBeCloseTo(210, 9);
    expect(children().B).toBe(0);
    expect(currentNetwork(document.getState())!.schools[1].status).toBe('closed');
    // A refused record (unknown school) changes nothing and names the problem.
    const before = currentView(document.getState());
    await document.getState().requestEdit({ kind: 'set-capacity', year: base, schoolId: 'Z', capacity: 10 });
    expect(document.getState().editProblems[0].code).toBe('unknown-school');
    expect(currentView(document.getState())).toBe(before);
    await document.getState().undo();
    expect(children().B).toBeCloseTo(110, 9);
    await document.getState().undo();
    expect(currentNetwork(document.getState())!.schools.map((s) => s.id)).toEqual(['A', 'B']);
    expect(currentView(document.getState())!.catchments).toHaveLength(2);
    expect(children()).toEqual({ A: 100, B: 180 });
    expect(await service.edits()).toEqual([]);
  });

  test('temporary premises: the school stands at its temporary address with its own address beside it, only in those years', async () => {
    const { document } = await openTinyCityApp();
    const base = document.getState().year!;
    // A (Länsikoulu, own address 385 250, 6 672 500) works at (385 875, 6 672 125) in base … base + 1.
    const temporary: [number, number] = [X0 + 875, Y0 + 125];
    await document.getState().requestEdit({ kind: 'relocate-school', from: base, to: base + 1, schoolId: 'A', location: temporary });
    expect(document.getState().editProblems).toEqual([]);
    const a = () => currentNetwork(document.getState())!.schools[0];
    expect([a().status, a().location, a().homeLocation]).toEqual(['temporary-premises', temporary, [X0 + 250, Y0 + 500]]);
    // The map's points (as map-canvas.tsx builds them) give one move: own address → temporary one.
    const points = currentNetwork(document.getState())!.schools.map((s) => ({ index: s.index, id: s.id, name: s.name, lonLat: s.lonLat, capacity: s.capacity, utilisation: null, status: s.status, ...(s.homeLonLat ? { homeLonLat: s.homeLonLat } : {}) }));
    expect(temporaryMoves(points)).toEqual([{ id: 'A', home: toLonLat(X0 + 250, Y0 + 500), at: toLonLat(...temporary) }]);
    // After the move (base + 2) A is back home: open, no second address, nothing drawn.
    await document.getState().setYear(base + 2);
    expect([a().status, a().location, a().homeLocation]).toEqual(['open', [X0 + 250, Y0 + 500], undefined]);
    expect(temporaryMoves(currentNetwork(document.getState())!.schools.map((s) => ({ ...s, utilisation: null })))).toEqual([]);
  });
});
