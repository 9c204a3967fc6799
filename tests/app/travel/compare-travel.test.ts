/**
 * Travel in the comparison (worker side, in-process): CompareService gives A's and B's travel
 * figures and counts trips over 5 km by the travel rule. Tiny City, straight lines (no street
 * file; tests/core/travel/scenario-travel.test.ts works the figures out): cell (c, r) has
 * 10 + 5c children; rows 1–2 of a school's own columns lie 176.78 m from it, rows 0/3 395.28 m;
 * column 2 rows 0/3 lie 530.33 m from A.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ScenarioHost } from '../../../src/app/scenarios/scenario-host';
import { createScenarioApi } from '../../../src/app/scenarios/scenario-worker-api';
import { createDocumentStore } from '../../../src/app/stores/document-store';
import { withTravel } from '../../../src/app/travel/travel-registry';
import { createEngineService } from '../../../src/app/workers/engine-service';
import { ScenarioEngine } from '../../../src/core/scenario/scenario-engine';
import { column2 } from '../../core/export/tiny-city-engines';
import { idbStorage } from '../../../src/app/persistence/idb-storage';
import { FakeMiniDb } from '../persistence/fake-mini-db';

const manifestUrl = pathToFileURL(resolve('tests/fixtures/tiny-city/manifest.json')).href;
const fetchBytes = async (url: string) => new Uint8Array(await readFile(fileURLToPath(url)));

describe('travel in the comparison', () => {
  test('baseline against an edited scenario: travel figures of both sides, over 5 km by the travel rule', async () => {
    const host = new ScenarioHost(withTravel((d, c) => new ScenarioEngine(d, c)), { schedule: () => ({ cancel() {} }) });
    const service = createEngineService(host.engineFactory, host.gate(fetchBytes));
    const api = createScenarioApi(host);
    const document = createDocumentStore(service);
    const loading = document.getState().load({ manifestUrl, fileUrls: {} });
    const storage = await idbStorage(async () => new FakeMiniDb());
    await api.prime({ ...(await storage.loadAll()), defaultName: 'S' });
    await loading;
    await document.getState().requestEdit(column2);
    const r = await api.compare({ networkId: 'fi-lower', a: 'baseline', b: (await api.state()).activeId });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const t = r.value.travel!;
    expect(t.straightLine).toBe(true);
    const near = Math.hypot(125, 125), far = Math.hypot(125, 375), farther = Math.hypot(375, 375);
    // A: baseline 100 children, half at each distance; after: 50 @ near, 90 @ far, 40 @ farther (180).
    expect(t.a.schools[0].mean_m).toBeCloseTo((near + far) / 2, 9);
    expect(t.b.schools[0].mean_m).toBeCloseTo((50 * near + 90 * far + 40 * farther) / 180, 9);
    expect(t.b.schools[0].max_m).toBeCloseTo(farther, 9);
    // Column 2 (80 of 280 children) is nearer to B than to A.
    expect(t.a.network.nearest_school_share).toBeCloseTo(1, 9);
    expect(t.b.network.nearest_school_share).toBeCloseTo(200 / 280, 9);
    expect(t.b.network.over_5km_children).toBe(0);
    expect(r.value.movement.totalOverLimitB).toBe(0);
  });
});
