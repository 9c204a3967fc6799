/** Public API of catchment and unit validation and the one-click repairs. */
export * from './geometry-problem';
export * from './validate-partition';
export * from './change-report';
export { snapPartition, type SnapOptions } from './snap-partition';
export { dissolveSlivers, fillGaps } from './repair-partition';
export { splitOverlaps, nearerHalf, type OverlapRule, type SplitOverlapOptions } from './split-overlaps';
export { sharedBorderLength, longestBorderNeighbour, DEFAULT_BORDER_TOLERANCE } from './shared-border';
export { findSelfIntersections } from './self-intersections';
export { fixSelfIntersections } from './fix-self-intersections';
export { validateUnits, validateUnitTable, type UnitAttributes, type UnitValidationReport } from './validate-units';
