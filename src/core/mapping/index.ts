/** Public API of field mapping, age-band apportioning, school inference and matching, generated catchments. */
export * from './field-mapping';
export * from './suggest-mapping';
export * from './age-apportion';
export * from './school-inference';
export * from './school-matching';
export { colocatedSchools, generateCatchments } from './voronoi-catchments';
export { areaOutline, subsetTable, unitsInArea } from './area-filter';
export { compactName, editDistance, closestName } from './name-distance';
export { FILTER_OPS, conditionText, conditionsText, equalsConditions, featuresWhere, parseCondition, type FieldCondition, type FilterOp } from './feature-filter';
export { pointsOutside, truncatedNames } from './school-flags';
