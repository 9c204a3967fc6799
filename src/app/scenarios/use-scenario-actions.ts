/** Scenario operations as the UI calls them: localised default names, file download and import. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../exports/download';
import { useScenarioContext } from './scenario-context';
import { copyName, nextScenarioName } from './scenario-names';

export function useScenarioActions() {
  const { t } = useTranslation();
  const { scenarios } = useScenarioContext();
  return useMemo(() => {
    const names = () => scenarios.getState().host?.scenarios.map((s) => s.name) ?? [];
    const get = () => scenarios.getState();
    const exportFile = async (id: string) => {
      const file = await get().exportText(id);
      if (file) downloadFile(file.fileName, 'application/json', file.text);
    };
    return {
      create: () => get().create(nextScenarioName(t('scenarios.defaultBase'), names())),
      open: (id: string) => get().activate(id),
      duplicate: (id: string) => {
        const source = get().host?.scenarios.find((s) => s.id === id);
        return get().duplicate(id, copyName(source?.name ?? '', t('scenarios.copyWord'), names()));
      },
      save: (id: string, name: string, description: string) => get().update(id, { name, description }),
      setInDeck: (id: string, inDeck: boolean) => get().update(id, { inDeck }),
      remove: (id: string) => get().remove(id, nextScenarioName(t('scenarios.defaultBase'), names().filter((n) => n !== get().host?.scenarios.find((s) => s.id === id)?.name))),
      exportFile,
      async exportActive() {
        const id = get().host?.activeId;
        if (id) await exportFile(id);
      },
      async importFile(file: File) {
        return get().importText(await file.text());
      },
    };
  }, [scenarios, t]);
}
