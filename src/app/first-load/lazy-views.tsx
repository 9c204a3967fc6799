/**
 * Views not shown at start, loaded the first time they are opened (docs/app.md, "First load"):
 * the comparison, the scenario manager and the import wizard. Their code (and what it pulls in)
 * stays out of the first bundle, so the page parses less before the map and the table appear.
 * Once opened, a view stays mounted, exactly as it was when it was always mounted.
 */
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useImport, useImportStore } from '../import/import-context';
import { useScenarioUi } from '../scenarios/scenario-context';

const CompareView = lazy(() => import('../compare/compare-view').then((m) => ({ default: m.CompareView })));
const ScenarioManager = lazy(() => import('../scenarios/scenario-manager').then((m) => ({ default: m.ScenarioManager })));
const ImportWizard = lazy(() => import('../import/import-wizard').then((m) => ({ default: m.ImportWizard })));

/** True from the first render where `now` is true on. */
export function useOnceTrue(now: boolean): boolean {
  const [seen, setSeen] = useState(now);
  if (now && !seen) setSeen(true);
  return seen || now;
}

function Later<P extends object>({ show, View, props }: { show: boolean; View: ComponentType<P>; props: P }) {
  const seen = useOnceTrue(show);
  if (!seen) return null;
  return (
    <Suspense fallback={null}>
      <View {...props} />
    </Suspense>
  );
}

export function LazyCompareView({ testMode }: { testMode: boolean }) {
  const open = useScenarioUi((s) => s.overlay === 'compare');
  return <Later show={open} View={CompareView} props={{ testMode }} />;
}

export function LazyScenarioManager() {
  const open = useScenarioUi((s) => s.overlay === 'manager');
  return <Later show={open} View={ScenarioManager} props={{}} />;
}

export function LazyImportWizard() {
  const store = useImportStore();
  const open = useImport(store, (s) => s.open) === true;
  return <Later show={open} View={ImportWizard} props={{}} />;
}
