/** Everything of the scenario side that is not in the top bar: banner, notices, manager, comparison, workshop (manager and comparison load when first opened). */
import { LazyCompareView, LazyScenarioManager } from '../first-load/lazy-views';
import { StorageBanner } from '../persistence/storage-banner';
import { WorkshopMode } from '../workshop/workshop-mode';
import { ScenarioNotice } from './scenario-notice';
import './scenarios.css';

export function ScenarioLayer({ testMode }: { testMode: boolean }) {
  return (
    <>
      <StorageBanner />
      <ScenarioNotice inDialog={false} />
      <LazyScenarioManager />
      <LazyCompareView testMode={testMode} />
      <WorkshopMode />
    </>
  );
}
