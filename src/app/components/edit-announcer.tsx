/** A polite live region that reads out what an edit (or undo/redo) did to the schools' figures. */
import { useEffect, useRef, useState } from 'react';
import { useDocument, usePreferences, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { editAnnouncement } from './edit-announcement';

export function EditAnnouncer() {
  const view = useDocument(currentView);
  const network = useDocument(currentNetwork);
  const threshold = useDocument((s) => s.summary?.privacyThreshold ?? 10);
  const lang = usePreferences((s) => s.language);
  const selectedId = useUi((s) => s.selectedSchoolId);
  const [text, setText] = useState('');
  const announced = useRef<unknown>(null);

  useEffect(() => {
    const change = view?.lastChange;
    if (!view || !change || announced.current === change) return;
    announced.current = change;
    const selectedIndex = network?.schools.findIndex((s) => s.id === selectedId) ?? -1;
    setText(editAnnouncement(change.previous, view.indicators, change.schools, selectedIndex, lang, threshold));
  }, [view, network, selectedId, lang, threshold]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="edit-announcement">
      {text}
    </div>
  );
}
