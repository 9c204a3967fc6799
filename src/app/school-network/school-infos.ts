/**
 * The worker's list of a network's schools in the selected year (engine-service.ts snapshots):
 * dataset schools, then schools opened by records, each with its status, the capacity of the
 * network's level and its location in that year (temporary premises included). The map symbols,
 * tooltip, table and forms all read this one list, so they agree on the capacity.
 */
import { capacityFor } from '../../core/model/school';
import type { Edit } from '../../core/scenario/edit';
import { isSchoolNetworkRecord } from '../../core/scenario/edit';
import { toLonLat } from '../map/display-projection';
import type { EngineLike } from '../workers/engine-like';
import type { SchoolInfo } from '../workers/engine-protocol';
import type { Position } from '../../core/model/geometry-types';

/**
 * Null when the engine has no school-network records (a test fake): the summary's list stands.
 * `datasetLocations`: each dataset school's own address (an opened school's is its record's);
 * a school in temporary premises gets it as `homeLocation` (the map draws the move).
 */
export function schoolInfos(engine: EngineLike, networkId: string, datasetLocations: ReadonlyMap<string, Position>): SchoolInfo[] | null {
  if (!engine.network || !engine.schoolsInYear || !engine.schoolStatus) return null;
  const network = engine.network(networkId);
  const schools = engine.schoolsInYear(networkId);
  const status = engine.schoolStatus(networkId);
  const home = (id: string): Position | undefined => datasetLocations.get(id) ?? openedLocation(engine.edits(), id);
  return network.schoolIds.map((id, index) => {
    const s = schools[index];
    const location = s.location;
    const own = status[index] === 'temporary-premises' ? home(id) : undefined;
    return {
      id, name: s.name, index,
      capacity: capacityFor(s, network.level),
      location,
      lonLat: toLonLat(location[0], location[1]),
      status: status[index],
      opened: !datasetLocations.has(id),
      grades: s.grades,
      language: s.language,
      schoolCapacity: s.capacity,
      ...(s.capacityByLevel ? { capacityByLevel: s.capacityByLevel } : {}),
      ...(own ? { homeLocation: own, homeLonLat: toLonLat(own[0], own[1]) } : {}),
    };
  });
}

/** The address an open-school record gave the school (its own address). */
function openedLocation(edits: readonly Edit[], id: string): Position | undefined {
  for (const e of edits) if (e.kind === 'open-school' && e.school.id === id) return e.school.location;
  return undefined;
}

/** Whether undo (the last record) or redo (the next one) concerns the school network. */
export function isSchoolRecordAt(edits: readonly Edit[] | undefined, index: number): boolean {
  const e = edits?.[index < 0 ? edits.length + index : index];
  return !!e && isSchoolNetworkRecord(e);
}
