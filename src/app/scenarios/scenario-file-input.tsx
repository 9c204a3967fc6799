/** The hidden file input that imports a scenario file (opened by a button's click on its ref). */
import type { Ref } from 'react';
import { useScenarioActions } from './use-scenario-actions';

export function ScenarioFileInput({ ref, testId, onImported }: { ref: Ref<HTMLInputElement>; testId: string; onImported?: () => void }) {
  const actions = useScenarioActions();
  return (
    <input
      ref={ref}
      type="file"
      accept=".json,application/json"
      hidden
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) void actions.importFile(file).then(() => onImported?.());
      }}
    />
  );
}
