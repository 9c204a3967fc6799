/**
 * The networks of one dataset share their neighbourhood sums while the engine is built
 * (SharedNeighbourSums): on the sample city, whose grid has suppressed cells in every age band,
 * every network's unit values (the matrix every figure is summed from, and the report) are bit
 * for bit those of a network built alone.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../../src/core/config/validate-config';
import type { IndicatorConfig } from '../../../src/core/config/indicator-config';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Units } from '../../../src/core/model/units';
import { SharedNeighbourSums } from '../../../src/core/pupil-base/neighbourhood';
import { markSuppressed } from '../../../src/core/pupil-base/suppression';
import { buildUnitValues } from '../../../src/core/pupil-base/unit-values';
import { ageBandOf } from '../../../src/core/scenario/network-state';
import { loadFixtureBundle } from '../../helpers/load-fixture-bundle';

let dataset: Dataset;
let config: IndicatorConfig;
let units: Units;
beforeAll(async () => {
  dataset = await loadFixtureBundle('data/sample-city');
  const c = validateConfig(readFileSync('data/sample-city/indicator-config.json', 'utf8'));
  if (!c.ok) throw new Error('config');
  config = c.value;
  // As the engine does before building the networks.
  units = { ...dataset.units, attributes: markSuppressed(dataset.units.attributes, config).table } as Units;
});

describe('shared neighbourhood sums across networks', () => {
  it('give every network the unit values it gets alone, bit for bit', () => {
    const shared = new SharedNeighbourSums(units, config.suppression.imputeRadiusMetres);
    expect(dataset.networks.length).toBeGreaterThan(1);
    let imputed = 0;
    for (const network of dataset.networks) {
      const alone = buildUnitValues(units, config, ageBandOf(config, network));
      const together = buildUnitValues(units, config, ageBandOf(config, network), shared);
      expect(Buffer.from(together.matrix.buffer).equals(Buffer.from(alone.matrix.buffer)), network.id).toBe(true);
      expect(together.report).toEqual(alone.report);
      imputed += alone.report.ageBand.imputed + alone.report.shares.reduce((a, s) => a + s.imputed, 0);
    }
    // The sample city imputes in every network: the sharing is exercised.
    expect(imputed).toBeGreaterThan(1000);
  });
});
