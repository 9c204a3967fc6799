/**
 * Structural reading of the housing records of a scenario file or a CLI edit log
 * (docs/scenario-format.md). The numbers, names and year are checked against the data when the
 * engine applies the record (housing/resolve-project.ts); here only the JSON shape.
 */
import type { Problem } from '../model/result';
import type { Edit, HousingProjectRecord } from './edit';
import { isFinitePair, problem, readMultiPolygon } from './read-json-shapes';

export function readHousingRecord(x: Record<string, unknown>, index: number): { edit: Edit } | { problem: Problem } {
  const where = `edit ${index + 1}`;
  const bad = (field: string, what: string, fix: string) => ({ problem: problem('edit-bad-housing', `Edit ${index + 1} (${String(x.kind)}) ${what}`, fix, where, field) });
  if (typeof x.id !== 'string' || x.id === '') return bad('id', 'has no id.', 'Give the project id as a non-empty string.');
  if (x.kind === 'remove-housing-project') return { edit: { kind: 'remove-housing-project', id: x.id } };
  if (!Number.isInteger(x.year)) return bad('year', 'has no completion year.', 'Give "year" as the completion year, e.g. 2028.');
  if (typeof x.dwellings !== 'number') return bad('dwellings', 'has no number of dwellings.', 'Give "dwellings" as a number.');
  if (typeof x.tenure !== 'string') return bad('tenure', 'has no tenure.', 'Give "tenure": owner, social_rental, right_of_occupancy or market_rental.');
  if (typeof x.buildingType !== 'string') return bad('buildingType', 'has no building type.', 'Give "buildingType": detached, terraced or block.');
  const record: HousingProjectRecord = {
    kind: 'housing-project', year: x.year as number, id: x.id, name: typeof x.name === 'string' ? x.name : x.id,
    dwellings: x.dwellings, tenure: x.tenure as HousingProjectRecord['tenure'], buildingType: x.buildingType as HousingProjectRecord['buildingType'],
  };
  if (x.region !== undefined) {
    const region = readMultiPolygon(x.region);
    if (!region) return bad('region', 'has a region that is not a MultiPolygon of finite coordinates.', 'Give the region as MultiPolygon coordinates in EPSG:3067 metres, rings closed.');
    record.region = region;
  } else if (isFinitePair(x.location)) {
    record.location = [x.location[0], x.location[1]];
  } else {
    return bad('location', 'has neither a region nor a location [x, y].', 'Give "region" (MultiPolygon coordinates) or "location": [x, y] in EPSG:3067 metres.');
  }
  return { edit: record };
}
