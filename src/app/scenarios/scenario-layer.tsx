/** Everything of the scenario side that is not in the top bar: banner, notices, manager, comparison, workshop. */
import { CompareView } from '../compare/compare-view';
import { StorageBanner } from '../persistence/storage-banner';
import { WorkshopMode } from '../workshop/workshop-mode';
import { ScenarioManager } from './scenario-manager';
import { ScenarioNotice } from './scenario-notice';
import './scenarios.css';

export function ScenarioLayer({ testMode }: { testMode: boolean }) {
  return (
    <>
      <StorageBanner />
      <ScenarioNotice inDialog={false} />
      <ScenarioManager />
      <CompareView testMode={testMode} />
      <WorkshopMode />
    </>
  );
}
