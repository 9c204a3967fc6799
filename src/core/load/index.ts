/** Public API of the loaders. */
export * from './crs';
export { tm35ToLonLat, tm35ToLonLatArray } from './display-projection';
export type { FeatureGeometry, FeatureTable, PropertyColumn } from './feature-table';
export { readFeatures, sniffFormat, DEFAULT_MAX_BYTES, type InputFile } from './read-features';
export { readGeoJson } from './read-geojson';
export { readFlatGeobuf, isFlatGeobuf } from './read-flatgeobuf';
export { buildUnits, type BuildUnitsOptions, type UnitsReport } from './build-units';
export { buildSchools, inferLanguage } from './build-schools';
export { buildCatchments, type NetworkDeclaration } from './build-catchments';
export { parseManifest, type BundleManifest } from './manifest';
export { loadDataset, loadDatasetWithReport, type DatasetInputs, type LoadOptions, type LoadReport, type LoadedDataset } from './load-dataset';
export { loadBundle, loadBundleWithReport, type BundleFileReader } from './load-bundle';
export { writeFlatGeobuf } from './write-flatgeobuf';
export { FINLAND_EXTENT_3067 } from './table-builder';
