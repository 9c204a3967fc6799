/**
 * The pupils a housing project adds in each year, per level (the hover of a project on the map,
 * the impact report): dwellings × yield[level][type][tenure][year − completion] (housing-sums.ts),
 * 0 before completion.
 */
import type { HousingProjectRecord } from '../scenario/edit';
import type { HousingConfig, YieldLevel } from './housing-config';
import { projectChildren } from './housing-sums';

export interface ProjectPupils {
  id: string;
  /** Pupils per year (parallel to the years asked for), by level. */
  lower: number[];
  upper: number[];
}

export function projectPupils(record: HousingProjectRecord, config: HousingConfig | undefined, years: readonly number[]): ProjectPupils {
  const of = (level: YieldLevel) => years.map((y) => (y < record.year ? 0 : projectChildren(record, config, level, y)));
  return { id: record.id, lower: of('lower'), upper: of('upper') };
}
