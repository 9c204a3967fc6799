/** Public API of field mapping, age-band apportioning, school inference and matching, generated catchments. */
export * from './field-mapping';
export * from './suggest-mapping';
export * from './age-apportion';
export * from './school-inference';
export * from './school-matching';
export { generateCatchments } from './voronoi-catchments';
export { compactName, editDistance, closestName } from './name-distance';
