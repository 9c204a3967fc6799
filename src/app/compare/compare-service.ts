/**
 * Worker side of the comparison view: compares a network in two scenarios (or a scenario and
 * the baseline) with the core's compareSides, applies the privacy threshold to every figure
 * and converts both sides' catchments to lon/lat for the split map. Children per unit, unit
 * centres and the baseline side are the same for every scenario of a dataset and are cached.
 */
import { compareIndicators } from '../../core/compare/compare-indicators';
import { baselineSide, compareSides, currentSide, unitChildren, type ScenarioSide } from '../../core/compare/compare-scenarios';
import { unitCentres } from '../../core/compare/unit-centres';
import { ok, type Result } from '../../core/model/result';
import { applyPrivacy } from '../../core/pupil-base/privacy';
import type { ScenarioEngine } from '../../core/scenario/scenario-engine';
import { multiPolygonToLonLat } from '../map/display-projection';
import { BASELINE, type ComparisonPayload, type CompareRequest, type PublicMovement } from '../scenarios/scenario-protocol';
import { travelSide, tripLengths } from '../travel/travel-registry';

/** A count shown only when it rests on at least `threshold` children (0 is shown). */
export function publicCount(value: number, threshold: number): number | null {
  return value > 0 && value < threshold ? null : value;
}

export class CompareService {
  private children = new Map<string, Float64Array>();
  private centres: Float64Array | null = null;
  private baselines = new Map<string, ScenarioSide>();

  /**
   * Builds the comparison in the selected school year (`anyEngine`'s: the active scenario's); `engineOf`
   * returns the engine of a scenario id, brought to that year here.
   */
  compare(request: CompareRequest, engineOf: (id: string) => Result<ScenarioEngine>, anyEngine: ScenarioEngine): Result<ComparisonPayload> {
    const { networkId } = request;
    const year = anyEngine.year;
    const side = (id: string): Result<ScenarioSide> => {
      if (id === BASELINE) {
        // The baseline's overlay and catchments are the same every year; its figures are the year's.
        let base = this.baselines.get(networkId);
        if (!base) this.baselines.set(networkId, (base = baselineSide(anyEngine, networkId)));
        return ok({ ...base, indicators: anyEngine.baselineIndicators(networkId, year) });
      }
      const engine = engineOf(id);
      if (!engine.ok) return engine;
      if (engine.value.year !== year) {
        const moved = engine.value.setYear(year);
        if (!moved.ok) return moved;
      }
      return ok(currentSide(engine.value, networkId));
    };
    const a = side(request.a);
    if (!a.ok) return a;
    const b = side(request.b);
    if (!b.ok) return b;
    // Children per unit: the base year's without housing projects are the same for every scenario (cached);
    // another year's, or with housing projects, are the active scenario's in that year.
    const plain = year === anyEngine.baseYear && anyEngine.housingProjects().length === 0;
    let children = plain ? this.children.get(networkId) : undefined;
    if (!children) {
      children = unitChildren(anyEngine, networkId);
      if (plain) this.children.set(networkId, children);
    }
    this.centres ??= unitCentres(anyEngine.units);
    // Travel (core/travel): trips along the streets when a street network is loaded, for the over-5-km counts and the travel figures.
    const threshold = anyEngine.config.privacyThreshold;
    const travelOf = (id: string) => {
      const engine = id === BASELINE ? ok(anyEngine) : engineOf(id);
      if (!engine.ok) return null;
      const which = id === BASELINE ? 'baseline' : 'current';
      return { trip: tripLengths(engine.value, networkId, which), side: travelSide(engine.value, networkId, which, threshold) };
    };
    const ta = travelOf(request.a);
    const tb = travelOf(request.b);
    const full = compareSides(a.value, b.value, children, this.centres, { tripA: ta?.trip, tripB: tb?.trip });
    if (!full.ok) return full;
    const m = full.value.movement;
    const movement: PublicMovement = {
      limitMetres: m.limitMetres,
      movedChildren: publicCount(m.movedChildren, threshold),
      movedOverLimitA: publicCount(m.movedOverLimitA, threshold),
      movedOverLimitB: publicCount(m.movedOverLimitB, threshold),
      totalOverLimitA: publicCount(m.totalOverLimitA, threshold),
      totalOverLimitB: publicCount(m.totalOverLimitB, threshold),
    };
    return ok({
      networkId,
      table: compareIndicators(applyPrivacy(a.value.indicators, threshold), applyPrivacy(b.value.indicators, threshold)),
      movement,
      changed: full.value.changedCatchments,
      catchmentsA: a.value.catchments.map(multiPolygonToLonLat),
      catchmentsB: b.value.catchments.map(multiPolygonToLonLat),
      threshold,
      travel: ta?.side && tb?.side ? { straightLine: ta.side.straightLine, a: ta.side, b: tb.side } : null,
    }, full.warnings);
  }
}
