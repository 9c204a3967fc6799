/**
 * Children of one network's age band per unit and year (docs/indicators.md "Projection by year").
 * The base year gives the data's own children (with imputation, exactly as without a projection);
 * later years the cohort model (cohort-model.ts), which is linear in the band counts, so
 * children_t[u] = Σ_b A[class(u), t, b] · n_b[u] with coefficients computed once per class and
 * year. A forecast table (forecast-table.ts) replaces the model where it has figures.
 */
import type { Units } from '../model/units';
import { bandCoefficients } from './cohort-model';
import type { ForecastTable } from './forecast-table';
import { applyForecast, SOURCE_DATA, SOURCE_MODEL, SOURCE_SCALED } from './forecast-table';
import type { AgeBandField, ProjectionConfig } from './projection-config';

export interface ProjectionSetup {
  baseYear: number;
  /** Last projected year = baseYear + horizon. */
  horizon: number;
  bands: AgeBandField[];
  config?: ProjectionConfig;
  forecast?: ForecastTable;
}

export interface YearChildren {
  children: Float64Array;
  /** SOURCE_* per unit. */
  source: Uint8Array;
}

export class UnitProjection {
  readonly setup: ProjectionSetup;
  private readonly ages: [number, number];
  private readonly base: Float64Array;
  private readonly counts: Float64Array[];
  /** Class index per unit: 0 = default retention, k = retentionByClass key k − 1. */
  private readonly unitClass: Uint16Array;
  private readonly retentions: (number[] | undefined)[];
  /** Units whose bands are all known (the model applies); others are scaled. */
  private readonly complete: Uint8Array;
  private readonly unitIndex: Map<string, number>;
  private readonly cache = new Map<number, YearChildren>();

  /**
   * @param units attributes through markSuppressed (NaN = suppressed or missing)
   * @param baseChildren children of the network's age band in the base year (the value matrix's column)
   */
  constructor(units: Units, setup: ProjectionSetup, ages: [number, number], baseChildren: Float64Array) {
    this.setup = setup;
    this.ages = ages;
    this.base = baseChildren;
    const cols = units.attributes.columns;
    const byLower = new Map(Object.entries(cols).map(([k, v]) => [k.toLowerCase(), v]));
    const zero = new Float64Array(units.count).fill(NaN);
    this.counts = setup.bands.map((b) => byLower.get(b.field.toLowerCase()) ?? zero);
    const classes = Object.keys(setup.config?.retentionByClass ?? {});
    this.retentions = [setup.config?.retention, ...classes.map((c) => setup.config!.retentionByClass![c])];
    this.unitClass = new Uint16Array(units.count);
    const classField = setup.config?.classField ? byLower.get(setup.config.classField.toLowerCase()) : undefined;
    if (classField) for (let u = 0; u < units.count; u++) this.unitClass[u] = classes.indexOf(String(classField[u])) + 1;
    this.complete = new Uint8Array(units.count);
    for (let u = 0; u < units.count; u++) this.complete[u] = this.counts.every((c) => Number.isFinite(c[u])) ? 1 : 0;
    this.unitIndex = new Map(units.ids.map((id, u) => [id, u]));
  }

  get baseYear(): number {
    return this.setup.baseYear;
  }

  get lastYear(): number {
    return this.setup.baseYear + this.setup.horizon;
  }

  /** Children per unit in `year` (cached; never modify the arrays). */
  year(year: number): YearChildren {
    let out = this.cache.get(year);
    if (!out) {
      out = this.compute(year);
      if (this.cache.size > 24) this.cache.clear();
      this.cache.set(year, out);
    }
    return out;
  }

  private compute(year: number): YearChildren {
    const n = this.base.length;
    const t = year - this.setup.baseYear;
    const children = new Float64Array(n);
    const source = new Uint8Array(n);
    if (t <= 0) {
      children.set(this.base);
      for (let u = 0; u < n; u++) children[u] = Number.isNaN(children[u]) ? 0 : children[u];
    } else {
      const coeff = this.retentions.map((r) => bandCoefficients(this.setup.bands, this.ages, t, this.setup.baseYear, r, this.setup.config?.birthFactor));
      const coeff0 = this.retentions.map((r) => bandCoefficients(this.setup.bands, this.ages, 0, this.setup.baseYear, r, undefined));
      let modelT = 0;
      let model0 = 0;
      const B = this.counts.length;
      for (let u = 0; u < n; u++) {
        if (!this.complete[u]) continue;
        const a = coeff[this.unitClass[u]];
        const a0 = coeff0[this.unitClass[u]];
        let c = 0;
        let c0 = 0;
        for (let b = 0; b < B; b++) {
          c += a[b] * this.counts[b][u];
          c0 += a0[b] * this.counts[b][u];
        }
        children[u] = c;
        source[u] = SOURCE_MODEL;
        modelT += c;
        model0 += c0;
      }
      const growth = model0 > 0 ? modelT / model0 : 1;
      for (let u = 0; u < n; u++) {
        if (this.complete[u]) continue;
        const b = this.base[u];
        children[u] = Number.isNaN(b) ? 0 : b * growth;
        source[u] = SOURCE_SCALED;
      }
    }
    if (this.setup.forecast) applyForecast(this.setup.forecast, year, this.ages, this.unitIndex, children, source);
    if (t <= 0) for (let u = 0; u < n; u++) if (source[u] === 0) source[u] = SOURCE_DATA;
    return { children, source };
  }
}
