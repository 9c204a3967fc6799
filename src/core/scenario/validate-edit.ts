/**
 * Structural validation of edits read from a file (scenario files, CLI edit logs): the JSON
 * must be exactly one of the Edit shapes of edit.ts with finite coordinates (EPSG:3067 metres)
 * or integer grid cells, and, when a dataset is given, name one of its networks and a school
 * of that network. Returns the edit as a fresh, typed object or the Problem that names what is wrong.
 */
import type { Dataset } from '../model/dataset';
import type { Problem } from '../model/result';
import type { BoundaryEdit, Edit } from './edit';
import { readHousingRecord } from './validate-housing-record';
import { readSchoolRecord } from './validate-school-record';
import { isFinitePair, isRecord, problem, readMultiPolygon } from './read-json-shapes';

const KINDS = ['assign-region', 'assign-cells', 'housing-project', 'remove-housing-project', 'open-school', 'close-school', 'set-capacity', 'relocate-school'];

function readCells(x: unknown): [number, number][] | null {
  if (!Array.isArray(x) || x.length === 0) return null;
  const out: [number, number][] = [];
  for (const c of x) {
    if (!isFinitePair(c) || !Number.isInteger(c[0]) || !Number.isInteger(c[1])) return null;
    out.push([c[0], c[1]]);
  }
  return out;
}

/**
 * Reads edit number `index` (0-based; messages say "edit index+1").
 * @param dataset when given, the network and school must exist in it
 * @param opened ids of schools opened by earlier records (they count as schools of the dataset)
 */
export function readEdit(x: unknown, index: number, dataset?: Dataset, opened?: ReadonlySet<string>): { edit: Edit } | { problem: Problem } {
  const where = `edit ${index + 1}`;
  if (!isRecord(x)) return { problem: problem('edit-not-object', `Edit ${index + 1} is not an object.`, 'Each edit must be a JSON object with kind, networkId, schoolId and region or cells.', where) };
  if (typeof x.kind !== 'string' || !KINDS.includes(x.kind)) {
    const what = x.kind === undefined ? 'has no "kind"' : `has the unknown kind ${JSON.stringify(x.kind)}`;
    return { problem: problem('edit-unknown-kind', `Edit ${index + 1} ${what}.`, `Use one of: ${KINDS.join(', ')}; the file may come from a newer version of Catchment Studio.`, where, 'kind') };
  }
  if (x.kind === 'housing-project' || x.kind === 'remove-housing-project') return readHousingRecord(x, index);
  if (x.kind === 'open-school' || x.kind === 'close-school' || x.kind === 'set-capacity' || x.kind === 'relocate-school') return readSchoolRecord(x, index);
  if (x.year !== undefined && !Number.isInteger(x.year)) {
    return { problem: problem('edit-bad-year', `Edit ${index + 1} has the year ${JSON.stringify(x.year)}, not a whole year.`, 'Give the school year from which the edit is in effect, e.g. 2027, or leave "year" out for the base year.', where, 'year') };
  }
  const year = x.year === undefined ? {} : { year: x.year as number };
  if (typeof x.networkId !== 'string' || x.networkId === '') {
    return { problem: problem('edit-bad-network', `Edit ${index + 1} has no valid network id.`, 'Give networkId as the id of a network of the dataset.', where, 'networkId') };
  }
  if (typeof x.schoolId !== 'string' || x.schoolId === '') {
    return { problem: problem('edit-bad-school', `Edit ${index + 1} has no valid school id.`, 'Give schoolId as the id of a school of the network.', where, 'schoolId') };
  }
  let edit: BoundaryEdit;
  if (x.kind === 'assign-region') {
    const region = readMultiPolygon(x.region);
    if (!region) return { problem: problem('edit-bad-coordinates', `Edit ${index + 1} has a region that is not a MultiPolygon of finite coordinates (a coordinate is missing, NaN or not a number, or a ring is not closed).`, 'Redraw the region; coordinates are EPSG:3067 metres as JSON numbers.', where, 'region') };
    edit = { kind: 'assign-region', networkId: x.networkId, schoolId: x.schoolId, region, ...year };
  } else {
    const cells = readCells(x.cells);
    if (!cells) return { problem: problem('edit-bad-cells', `Edit ${index + 1} has cells that are not a list of integer [col, row] pairs.`, 'Repaint the cells; each cell is [col, row] on the units grid.', where, 'cells') };
    edit = { kind: 'assign-cells', networkId: x.networkId, schoolId: x.schoolId, cells, ...year };
  }
  if (dataset) {
    const network = dataset.networks.find((n) => n.id === edit.networkId);
    if (!network || !dataset.partitions[network.id]) {
      return { problem: problem('unknown-network', `Edit ${index + 1} is for the network "${edit.networkId}", which this dataset does not have.`, `Import the scenario onto the dataset it was made on; this one has: ${dataset.networks.map((n) => n.id).join(', ')}.`, where, 'networkId') };
    }
    if (!network.schoolIds.includes(edit.schoolId) && !opened?.has(edit.schoolId)) {
      return { problem: problem('unknown-school', `Edit ${index + 1} assigns to the school "${edit.schoolId}", which is not in the network "${network.id}".`, 'Import the scenario onto the dataset it was made on.', where, 'schoolId') };
    }
  }
  return { edit };
}
