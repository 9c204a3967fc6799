/**
 * Sends one school-network record through the document store's one record path (engine → undo
 * stack → autosave) and keeps the core's named problems for the form that sent it. A refused
 * record changes nothing; the form keeps what the user typed.
 */
import { useState } from 'react';
import type { Problem } from '../../core/model/result';
import type { SchoolNetworkRecord } from '../../core/scenario/edit';
import { useStores } from '../stores/app-stores';

export function useSchoolEdit(): { submit(record: SchoolNetworkRecord): Promise<boolean>; problems: Problem[]; clear(): void } {
  const { document } = useStores();
  const [problems, setProblems] = useState<Problem[]>([]);
  return {
    problems,
    clear: () => setProblems([]),
    async submit(record) {
      await document.getState().requestEdit(record);
      const refused = document.getState().editProblems;
      setProblems(refused);
      return refused.length === 0;
    },
  };
}
