/**
 * Children of one network's age band per unit and year (docs/indicators.md "Projection by year").
 * The base year gives the data's own children (with imputation, exactly as without a projection);
 * later years the cohort model (cohort-model.ts), which is linear in the band counts, so
 * children_t[u] = Σ_b A[class(u), t, b] · n_b[u] with coefficients computed once per class and
 * year: `childrenAt(u, year)` costs O(bands), with no per-year arrays kept. Units whose bands are
 * suppressed keep their base-year children × the model's growth over the other units. A forecast
 * table (forecast-table.ts) replaces the model where it has figures.
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

/** What childrenAt needs for one year: coefficients per class, growth of scaled units, forecast figures. */
interface YearModel {
  coeff: Float64Array[];
  growth: number;
  forecast: Map<number, number> | null;
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
  private readonly models = new Map<number, YearModel>();
  private last: { year: number; value: YearChildren } | null = null;

  /**
   * @param units attributes through markSuppressed (NaN = suppressed or missing)
   * @param baseChildren children of the network's age band in the base year (the value matrix's column)
   */
  constructor(units: Units, setup: ProjectionSetup, ages: [number, number], baseChildren: Float64Array) {
    this.setup = setup;
    this.ages = ages;
    this.base = baseChildren.map((c) => (Number.isNaN(c) ? 0 : c));
    const byLower = new Map(Object.entries(units.attributes.columns).map(([k, v]) => [k.toLowerCase(), v]));
    const missing = new Float64Array(units.count).fill(NaN);
    this.counts = setup.bands.map((b) => byLower.get(b.field.toLowerCase()) ?? missing);
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

  /** Children of unit u in `year` (the data's in the base year). */
  childrenAt(u: number, year: number): number {
    if (year <= this.setup.baseYear) return this.base[u];
    const m = this.model(year);
    if (m.forecast) {
      const f = m.forecast.get(u);
      if (f !== undefined) return f;
    }
    return this.modelAt(u, m);
  }

  /** Children per unit in `year` and their source (the last year asked is kept; never modify). */
  year(year: number): YearChildren {
    if (this.last?.year === year) return this.last.value;
    const n = this.base.length;
    const children = new Float64Array(n);
    const source = new Uint8Array(n);
    if (year <= this.setup.baseYear) {
      children.set(this.base);
      source.fill(SOURCE_DATA);
    } else {
      const m = this.model(year);
      for (let u = 0; u < n; u++) {
        children[u] = this.modelAt(u, m);
        source[u] = this.complete[u] ? SOURCE_MODEL : SOURCE_SCALED;
      }
    }
    if (this.setup.forecast && year > this.setup.baseYear) applyForecast(this.setup.forecast, year, this.ages, this.unitIndex, children, source);
    const value = { children, source };
    this.last = { year, value };
    return value;
  }

  private modelAt(u: number, m: YearModel): number {
    if (!this.complete[u]) return this.base[u] * m.growth;
    const a = m.coeff[this.unitClass[u]];
    let c = 0;
    for (let b = 0; b < a.length; b++) c += a[b] * this.counts[b][u];
    return c;
  }

  private model(year: number): YearModel {
    let m = this.models.get(year);
    if (m) return m;
    const t = year - this.setup.baseYear;
    const { bands, config } = this.setup;
    const coeff = this.retentions.map((r) => bandCoefficients(bands, this.ages, t, this.setup.baseYear, r, config?.birthFactor));
    const coeff0 = this.retentions.map((r) => bandCoefficients(bands, this.ages, 0, this.setup.baseYear, r, undefined));
    let modelT = 0;
    let model0 = 0;
    for (let u = 0; u < this.base.length; u++) {
      if (!this.complete[u]) continue;
      const k = this.unitClass[u];
      for (let b = 0; b < bands.length; b++) {
        modelT += coeff[k][b] * this.counts[b][u];
        model0 += coeff0[k][b] * this.counts[b][u];
      }
    }
    m = { coeff, growth: model0 > 0 ? modelT / model0 : 1, forecast: null };
    this.models.set(year, m);
    if (this.setup.forecast) {
      // The forecast's figures for this year, per unit (areas spread by the model's children).
      const children = new Float64Array(this.base.length);
      for (let u = 0; u < children.length; u++) children[u] = this.modelAt(u, m);
      const source = new Uint8Array(children.length);
      applyForecast(this.setup.forecast, year, this.ages, this.unitIndex, children, source);
      const forecast = new Map<number, number>();
      for (let u = 0; u < children.length; u++) if (source[u] !== 0) forecast.set(u, children[u]);
      m.forecast = forecast;
    }
    return m;
  }
}
