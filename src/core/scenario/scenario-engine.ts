/**
 * STUB — the integration lead fills this in. Signatures are the contract for the CLI and the app.
 */
import type { IndicatorConfig } from '../config/indicator-config';
import type { Dataset } from '../model/dataset';
import type { NetworkIndicators } from '../indicators/indicator-types';

/** Indicators of one network of a dataset's baseline partition (what the CLI prints). */
export function computeIndicators(dataset: Dataset, config: IndicatorConfig, networkId: string): NetworkIndicators {
  void dataset;
  void config;
  throw new Error(`computeIndicators(${networkId}) is not implemented yet`);
}
