/** One scenario in the manager: name and description (editable), edit count, date, deck flag, actions. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenarioName } from '../workshop/scenario-alias';
import { useScenarioUi } from './scenario-context';
import type { ScenarioSummary } from './scenario-protocol';

export interface ScenarioRowActions {
  open(id: string): void;
  save(id: string, name: string, description: string): void;
  duplicate(id: string): void;
  exportFile(id: string): void;
  remove(id: string): void;
  setInDeck(id: string, inDeck: boolean): void;
}

function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(language === 'en' ? 'en-GB' : `${language}-FI`, { day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function ScenarioRow({ s, active, busy, actions }: { s: ScenarioSummary; active: boolean; busy: boolean; actions: ScenarioRowActions }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(s.name);
  const [description, setDescription] = useState(s.description);
  const anonymise = useScenarioUi((u) => u.anonymise);
  const shownName = useScenarioName()(s.id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    actions.save(s.id, trimmed, description.trim());
    setEditing(false);
  };
  const startEdit = () => {
    setName(s.name);
    setDescription(s.description);
    setEditing(true);
  };

  return (
    <li className={`scenario-item${active ? ' active' : ''}`} data-scenario-id={s.id} aria-current={active ? 'true' : undefined}>
      {editing ? (
        <form className="scenario-edit" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), e.preventDefault(), setEditing(false))}>
          <label className="field">
            <span>{t('scenarios.name')}</span>
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
          </label>
          <label className="field">
            <span>{t('scenarios.description')}</span>
            <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} />
          </label>
          <div className="scenario-actions">
            <button type="submit" className="primary">{t('scenarios.save')}</button>
            <button type="button" onClick={() => setEditing(false)}>{t('scenarios.cancel')}</button>
          </div>
        </form>
      ) : (
        <>
          <div className="scenario-main">
            <button type="button" className="scenario-open" disabled={busy || active} onClick={() => actions.open(s.id)} title={active ? t('scenarios.current') : t('scenarios.openTitle', { name: shownName })}>
              <span className="scenario-dot" aria-hidden="true" />
              <span className="scenario-name">{shownName}</span>
              {active && <span className="scenario-badge">{t('scenarios.current')}</span>}
            </button>
            {s.description && !anonymise && <p className="scenario-description">{s.description}</p>}
            <p className="scenario-meta">
              {t('scenarios.editCount', { count: s.editCount })}
              {s.redoCount > 0 && ` · ${t('scenarios.redoCount', { count: s.redoCount })}`}
              {' · '}
              {t('scenarios.updated', { date: formatDate(s.updatedAt, i18n.language) })}
            </p>
          </div>
          <label className="check scenario-deck" title={t('scenarios.deckHint')}>
            <input type="checkbox" checked={s.inDeck} disabled={busy} onChange={(e) => actions.setInDeck(s.id, e.target.checked)} />
            {t('scenarios.inDeck')}
          </label>
          {confirming ? (
            <div className="scenario-actions confirm" role="group" aria-label={t('scenarios.confirmDelete', { name: shownName })}>
              <span>{t('scenarios.confirmDelete', { name: shownName })}</span>
              <button type="button" className="danger" onClick={() => (setConfirming(false), actions.remove(s.id))}>{t('scenarios.delete')}</button>
              <button type="button" onClick={() => setConfirming(false)}>{t('scenarios.cancel')}</button>
            </div>
          ) : (
            <div className="scenario-actions">
              <button type="button" disabled={busy} onClick={startEdit}>{t('scenarios.rename')}</button>
              <button type="button" disabled={busy} onClick={() => actions.duplicate(s.id)}>{t('scenarios.duplicate')}</button>
              <button type="button" disabled={busy} onClick={() => actions.exportFile(s.id)}>{t('scenarios.export')}</button>
              <button type="button" disabled={busy} className="danger-outline" onClick={() => setConfirming(true)}>{t('scenarios.delete')}</button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
