/**
 * Checks the optional `projection` and `housing` sections of an indicator config
 * (docs/indicator-config.md). Errors go through `error(path, message, fix)`.
 */
import { BUILDING_TYPES, TENURES } from '../housing/housing-config';
import { MAX_HORIZON } from '../projection/projection-config';

type Report = (path: string, message: string, fix: string) => void;
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRatioList = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0);

function checkRetention(v: unknown, path: string, error: Report): void {
  if (!isRatioList(v)) error(path, 'must be a list of ratios ≥ 0, one per age from 0 (r(a) applies to the cohort leaving age a).', 'Write e.g. [1, 1, 0.97, 0.98]; missing ages are 1.');
}

export function checkProjection(v: unknown, error: Report): void {
  if (v === undefined) return;
  if (!isObject(v)) return error('projection', 'must be an object.', 'See docs/indicator-config.md "projection".');
  if (v.retention !== undefined) checkRetention(v.retention, 'projection.retention', error);
  if (v.retentionByClass !== undefined) {
    if (!isObject(v.retentionByClass)) error('projection.retentionByClass', 'must map a class to a retention list.', 'Write e.g. {"1": [1, 0.9, …]}.');
    else for (const [k, r] of Object.entries(v.retentionByClass)) checkRetention(r, `projection.retentionByClass.${k}`, error);
    if (typeof v.classField !== 'string') error('projection.classField', 'is needed with retentionByClass: the unit field whose value names the class.', 'Give the field name, e.g. "new_area".');
  }
  if (v.birthFactor !== undefined) {
    const ok = isObject(v.birthFactor) && Object.entries(v.birthFactor).every(([y, f]) => /^\d{4}$/.test(y) && typeof f === 'number' && Number.isFinite(f) && f >= 0);
    if (!ok) error('projection.birthFactor', 'must map years to factors ≥ 0.', 'Write e.g. {"2027": 0.95, "2028": 0.93}; missing years are 1.');
  }
  if (v.horizon !== undefined && !(Number.isInteger(v.horizon) && (v.horizon as number) >= 0 && (v.horizon as number) <= MAX_HORIZON)) {
    error('projection.horizon', `must be a whole number of years from 0 to ${MAX_HORIZON}.`, 'Write e.g. 10 (the default).');
  }
  if (v.bands !== undefined) {
    const ok = Array.isArray(v.bands) && v.bands.every((b) => isObject(b) && typeof b.field === 'string' && Number.isInteger(b.from) && Number.isInteger(b.to) && (b.from as number) >= 0 && (b.to as number) >= (b.from as number));
    if (!ok) error('projection.bands', 'must list the age bands as {"field", "from", "to"} with 0 ≤ from ≤ to.', 'Write e.g. [{"field": "he_0_2", "from": 0, "to": 2}, …].');
  }
}

export function checkHousing(v: unknown, error: Report): void {
  if (v === undefined) return;
  if (!isObject(v)) return error('housing', 'must be an object.', 'See docs/indicator-config.md "housing".');
  if (v.yields !== undefined) {
    if (!isObject(v.yields)) return error('housing.yields', 'must be an object by level.', 'Write {"lower": {"block": {"owner": [0.04, …]}}}.');
    for (const [level, types] of Object.entries(v.yields)) {
      if (level !== 'lower' && level !== 'upper') { error(`housing.yields.${level}`, 'is not a level.', 'Use "lower" (grades 1–6) or "upper" (grades 7–9).'); continue; }
      if (!isObject(types)) { error(`housing.yields.${level}`, 'must map building types to tenures.', `Use the types ${BUILDING_TYPES.join(', ')}.`); continue; }
      for (const [type, tenures] of Object.entries(types)) {
        const p = `housing.yields.${level}.${type}`;
        if (!(BUILDING_TYPES as readonly string[]).includes(type)) { error(p, 'is not a building type.', `Use one of: ${BUILDING_TYPES.join(', ')}.`); continue; }
        if (!isObject(tenures)) { error(p, 'must map tenures to yield lists.', `Use the tenures ${TENURES.join(', ')}.`); continue; }
        for (const [tenure, list] of Object.entries(tenures)) {
          if (!(TENURES as readonly string[]).includes(tenure)) error(`${p}.${tenure}`, 'is not a tenure.', `Use one of: ${TENURES.join(', ')}.`);
          else if (!isRatioList(list) || (list as number[]).length === 0) error(`${p}.${tenure}`, 'must be a non-empty list of children per dwelling ≥ 0 by year since completion.', 'Write e.g. [0.05, 0.08, 0.1]; the last value repeats.');
        }
      }
    }
  }
  if (v.composition !== undefined) {
    if (!isObject(v.composition)) return error('housing.composition', 'must map tenures to shares.', 'Write {"social_rental": {"foreign_language": 0.4}}.');
    for (const [tenure, shares] of Object.entries(v.composition)) {
      const p = `housing.composition.${tenure}`;
      if (!(TENURES as readonly string[]).includes(tenure)) error(p, 'is not a tenure.', `Use one of: ${TENURES.join(', ')}.`);
      else if (!isObject(shares) || !Object.values(shares).every((f) => typeof f === 'number' && f >= 0 && f <= 1)) error(p, 'must map share ids to fractions from 0 to 1.', 'Write e.g. {"foreign_language": 0.4}.');
    }
  }
}
