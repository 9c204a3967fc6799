/**
 * What an open or a close does to one network's catchments, worked out against the live
 * catchments when the network applies the step (so a step re-applied after a year switch gives
 * the same result bit for bit). The result is a list of "give region R to school S" parts that
 * EditableNetwork applies as one undoable step.
 *
 * - open, drawn region: the region goes to the new school (as assign-region).
 * - open, "nearest": every unit whose dominant school (largest weight) is farther from the unit's
 *   centre than the new school goes to the new school, whole.
 * - close to a named school: the whole catchment goes to it (a merger).
 * - close to "nearest": each unit of the catchment goes to the nearest of the step's receivers
 *   (ties: the first in network order); the part of the catchment in those units goes with it,
 *   and the last receiver (in network order) takes whatever is left, so nothing stays with the
 *   closed school.
 * Distances come from a DistanceProvider (straight line unless a street network is given; a
 * street network's unit-based rule goes through nearest-on-streets.ts).
 */
import { intersect, unionAll } from '../geometry/boolean-ops';
import { multiPolygonBBox } from '../geometry/bbox';
import { cellsToMultiPolygon } from '../geometry/cells-to-multi-polygon';
import { normaliseOrientation } from '../geometry/orientation';
import { checkMultiPolygon } from '../geometry/validity';
import type { EditableNetwork, StepPart } from '../edits/editable-network';
import { snapToMillimetres } from '../edits/resolve-edit';
import type { MultiPolygon, Position } from '../model/geometry-types';
import { fail, ok } from '../model/result';
import type { Result } from '../model/result';
import type { Units } from '../model/units';
import type { NetworkOverlay } from '../overlay/network-overlay';
import type { SchoolStep } from '../scenario/edit';
import type { DistanceProvider } from './distance';
import { possibleNearest, reachSquared, unitDiameter } from './reach';
import { nearerOnStreets, nearestOnStreets } from './nearest-on-streets';

export interface StepContext {
  units: Units;
  /** Interleaved unit centres (compare/unit-centres.ts). */
  centres(): Float64Array;
  /** The schools' own locations (EPSG:3067), parallel to `ids`. */
  locations(ids: string[]): Position[];
  distance: DistanceProvider;
}

export function resolveSchoolStep(step: SchoolStep, net: EditableNetwork, ctx: StepContext): Result<StepPart[]> {
  const ids = net.network.schoolIds;
  const school = ids.indexOf(step.schoolId);
  if (school < 0) return fail({ code: 'unknown-school', message: `School "${step.schoolId}" is not in the network "${net.network.id}".`, fix: 'Name a school of the network.', ids: [step.schoolId] });
  if (step.kind === 'open-step') {
    if (step.catchment !== 'nearest') {
      const problems = checkMultiPolygon(step.catchment, 'catchment of the opened school');
      if (problems.length > 0) return fail(...problems);
      return ok([{ school, region: normaliseOrientation(snapToMillimetres(step.catchment)) }]);
    }
    const taken = nearerUnits(net.overlay, ctx, school, step.location, ids, net.partition.catchments);
    return ok(taken.length > 0 ? [{ school, region: unitsRegion(ctx.units, taken) }] : []);
  }
  const catchment = net.partition.catchments[school];
  if (catchment.length === 0) return ok([]);
  if (step.to !== null) {
    const to = ids.indexOf(step.to);
    if (to < 0) return fail({ code: 'unknown-school', message: `The receiving school "${step.to}" is not in the network "${net.network.id}".`, fix: 'Merge into a school of the same network.', ids: [step.to] });
    return ok([{ school: to, region: catchment }]);
  }
  const receivers = step.receivers.map((id) => ids.indexOf(id)).filter((r) => r >= 0 && r !== school).sort((a, b) => a - b);
  if (receivers.length === 0) return fail({ code: 'close-leaves-no-school', message: `Closing ${step.schoolId} would leave the network "${net.network.id}" without schools.`, fix: 'Keep at least one school open in every network.' });
  const groups = nearestGroups(net.overlay, ctx, school, catchment, receivers, ids);
  const used = receivers.filter((r) => groups.get(r)!.length > 0);
  const last = used.length > 0 ? used[used.length - 1] : receivers[receivers.length - 1];
  const parts: StepPart[] = [];
  for (const r of used) if (r !== last) parts.push({ school: r, region: intersect(catchment, unitsRegion(ctx.units, groups.get(r)!)) });
  parts.push({ school: last, region: () => net.partition.catchments[school] });
  return ok(parts);
}

function nearerUnits(overlay: NetworkOverlay, ctx: StepContext, school: number, location: Position, ids: string[], catchments: MultiPolygon[]): number[] {
  const locations = ctx.locations(ids);
  if (ctx.distance.tryUnitDistance) return nearerOnStreets(overlay, ctx.distance, school, location, locations);
  const out: number[] = [];
  const centres = ctx.centres();
  const straight = ctx.distance.kind === 'straight-line';
  const [lx, ly] = location;
  // Straight line: no unit farther from the new school than every school's reach can change school (reach.ts).
  const limit = straight ? reachSquared(ctx.units, catchments, locations) : Infinity;
  // Only the units within the reach's square window need a look (a grid lookup); else every unit.
  const r = Math.sqrt(limit);
  const window = Number.isFinite(r) ? overlay.unitsOfSchools(new Uint8Array(ids.length).fill(1), [[lx - r, ly - r, lx + r, ly + r]]) : null;
  const count = window ? window.length : overlay.unitCount;
  for (let i = 0; i < count; i++) {
    const u = window ? window[i] : i;
    if ((centres[2 * u] - lx) ** 2 + (centres[2 * u + 1] - ly) ** 2 >= limit) continue;
    const best = overlay.dominantSchool(u);
    if (best < 0 || best === school) continue;
    const x = centres[2 * u];
    const y = centres[2 * u + 1];
    const [cx, cy] = locations[best];
    // Straight line: compare squared distances (same order, no allocation per unit).
    const nearer = straight
      ? (x - lx) ** 2 + (y - ly) ** 2 < (x - cx) ** 2 + (y - cy) ** 2
      : ctx.distance.distance([x, y], location) < ctx.distance.distance([x, y], locations[best]);
    if (nearer) out.push(u);
  }
  return out;
}

function nearestGroups(overlay: NetworkOverlay, ctx: StepContext, school: number, catchment: MultiPolygon, receivers: number[], ids: string[]): Map<number, number[]> {
  const groups = new Map<number, number[]>(receivers.map((r) => [r, []]));
  const centres = ctx.centres();
  const straight = ctx.distance.kind === 'straight-line';
  const box = multiPolygonBBox(catchment);
  // Straight line: only the receivers that can be nearest to some unit centre of the catchment (reach.ts).
  const all = ctx.locations(receivers.map((r) => ids[r]));
  const kept = straight ? possibleNearest(all, box, unitDiameter(ctx.units)) : all.map((_, i) => i);
  const locations = kept.map((i) => all[i]);
  const flags = new Uint8Array(ids.length);
  flags[school] = 1;
  if (ctx.distance.tryUnitDistance) {
    const members = overlay.unitsOfSchools(flags, [box]);
    const nearest = nearestOnStreets(ctx.distance, members, locations);
    members.forEach((u, i) => groups.get(receivers[kept[nearest[i]]])!.push(u));
    return groups;
  }
  for (const u of overlay.unitsOfSchools(flags, [box])) {
    const x = centres[2 * u];
    const y = centres[2 * u + 1];
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i < locations.length; i++) {
      const loc = locations[i];
      // Straight line inline: the same expression as distance.ts's straightLine, without an allocation per pair.
      const dx = loc[0] - x;
      const dy = loc[1] - y;
      const d = straight ? Math.sqrt(dx * dx + dy * dy) : ctx.distance.distance([x, y], loc);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    groups.get(receivers[kept[best]])!.push(u);
  }
  return groups;
}

/** The area of the given units: their cells (grid) or the union of their polygons. */
export function unitsRegion(units: Units, list: number[]): MultiPolygon {
  if (units.kind === 'grid') return cellsToMultiPolygon(units.grid, list.map((u) => [units.col[u], units.row[u]] as [number, number]));
  return unionAll(...list.map((u) => units.geometries[u]));
}
