/**
 * Workshop (presentation) mode for projectors: the map fills the screen; a high-contrast bar
 * shows the scenario name in large type, its place in the deck and the controls; a panel shows
 * a few key numbers (segregation index before → after, schools over capacity, children changing
 * school). Full screen through the Fullscreen API with a visible fallback when refused.
 * Buttons, arrow keys and PageUp/PageDown (presentation clickers) step through the deck.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../format/format-number';
import { formatChildren, formatIndex, formatIndexChange } from '../format/format-number';
import { useScenarioContext, useScenarios, useScenarioUi } from '../scenarios/scenario-context';
import { BASELINE, type PublicMovement } from '../scenarios/scenario-protocol';
import { useDocument, usePreferences, useUi } from '../stores/app-stores';
import { currentNetwork, currentView } from '../stores/selectors';
import { useScenarioName } from './scenario-alias';
import { isTextEntry, stepDeck, workshopDeck, workshopKey } from './workshop-deck';
import './workshop.css';

export function WorkshopMode() {
  const on = useScenarioUi((s) => s.workshop);
  useEffect(() => {
    document.body.classList.toggle('workshop-mode', on);
  }, [on]);
  return on ? <WorkshopOverlay /> : null;
}

function useFullscreen() {
  const [refused, setRefused] = useState(false);
  const [full, setFull] = useState(!!document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setFull(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const enter = async () => {
    try {
      if (!document.fullscreenEnabled) throw new Error('unsupported');
      await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
      setRefused(false);
    } catch {
      setRefused(true);
    }
  };
  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };
  return { full, refused, enter, exit, dismiss: () => setRefused(false) };
}

function WorkshopOverlay() {
  const { t } = useTranslation();
  const { scenarios, ui, api, getMap } = useScenarioContext();
  const host = useScenarios((s) => s.host);
  const busy = useScenarios((s) => s.busy);
  const anonymise = useScenarioUi((s) => s.anonymise);
  const fullscreen = useFullscreen();
  const [preparing, setPreparing] = useState<{ done: number; total: number } | null>(null);
  const deck = workshopDeck(host?.scenarios ?? []);
  const activeId = host?.activeId ?? '';
  const position = deck.indexOf(activeId);
  const nameOf = useScenarioName();

  // Map labels grow with the rest of the type while the mode is on.
  useEffect(() => {
    getMap()?.setLabelScale(1.7);
    return () => getMap()?.setLabelScale(1);
  }, [getMap]);

  // Full screen at the click that opened the mode; built engines make every step instant.
  useEffect(() => {
    void fullscreen.enter();
    let cancelled = false;
    void (async () => {
      const list = workshopDeck(scenarios.getState().host?.scenarios ?? []).filter((id) => !scenarios.getState().host?.scenarios.find((s) => s.id === id)?.warm);
      for (let i = 0; i < list.length && !cancelled; i++) {
        setPreparing({ done: i, total: list.length });
        await scenarios.getState().prepare(list[i]);
      }
      if (!cancelled) setPreparing(null);
    })();
    return () => {
      cancelled = true;
      fullscreen.exit();
    };
    // Once per opening of the mode.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const go = (target: string | null) => {
    if (target && target !== scenarios.getState().host?.activeId && !scenarios.getState().busy) void scenarios.getState().activate(target);
  };
  const exit = () => ui.getState().setWorkshop(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // On window, capture phase: before any focused button, checkbox or select acts on the key.
      if (isTextEntry(e.target as HTMLInputElement | null) && e.key !== 'Escape') return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const command = workshopKey(e.key);
      if (!command) return;
      e.preventDefault();
      e.stopPropagation();
      const d = workshopDeck(scenarios.getState().host?.scenarios ?? []);
      const id = scenarios.getState().host?.activeId ?? '';
      if (command === 'exit') {
        if (!document.fullscreenElement) exit();
      } else if (command === 'first') go(d[0] ?? null);
      else if (command === 'last') go(d[d.length - 1] ?? null);
      else go(stepDeck(d, id, command === 'next' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  });

  return (
    <>
      <header className="workshop-bar" data-testid="workshop-bar">
        <div className="workshop-title">
          <span className="workshop-kicker">{t('workshop.scenario')} {position >= 0 ? `${position + 1} / ${deck.length}` : ''}</span>
          <span className="workshop-name" data-testid="workshop-scenario-name">{nameOf(activeId)}</span>
        </div>
        <nav className="workshop-controls" aria-label={t('workshop.controls')}>
          <button type="button" onClick={() => go(stepDeck(deck, activeId, -1))} disabled={busy || position <= 0} aria-label={t('workshop.previous')}>
            ◀ {t('workshop.previous')}
          </button>
          <button type="button" onClick={() => go(stepDeck(deck, activeId, 1))} disabled={busy || position === deck.length - 1} aria-label={t('workshop.next')}>
            {t('workshop.next')} ▶
          </button>
          <label className="workshop-check">
            <input type="checkbox" checked={anonymise} onChange={(e) => ui.getState().setAnonymise(e.target.checked)} />
            {t('workshop.anonymise')}
          </label>
          {!fullscreen.full && (
            <button type="button" onClick={() => void fullscreen.enter()}>
              {t('workshop.fullscreen')}
            </button>
          )}
          <button type="button" className="workshop-exit" onClick={exit}>
            {t('workshop.exit')}
          </button>
        </nav>
      </header>
      {fullscreen.refused && (
        <div className="workshop-fallback" role="status" data-testid="fullscreen-fallback">
          {t('workshop.fullscreenRefused')}
          <button type="button" onClick={fullscreen.dismiss} aria-label={t('scenarios.dismiss')}>×</button>
        </div>
      )}
      {preparing && <div className="workshop-preparing" role="status">{t('workshop.preparing', { done: preparing.done + 1, total: preparing.total })}</div>}
      <KeyFigures api={api} activeId={activeId} />
      <p className="workshop-help">{t('workshop.keys')}</p>
    </>
  );
}

function KeyFigures({ api, activeId }: { api: ReturnType<typeof useScenarioContext>['api']; activeId: string }) {
  const { t } = useTranslation();
  const lang = usePreferences((s) => s.language) as UiLanguage;
  const view = useDocument(currentView);
  const network = useDocument(currentNetwork);
  const summary = useDocument((s) => s.summary);
  const shareId = useUi((s) => s.selectedShareId) ?? summary?.shares[0]?.id ?? null;
  const [movement, setMovement] = useState<PublicMovement | null>(null);
  const editCount = useDocument((s) => s.editCount);
  const networkId = network?.id;

  useEffect(() => {
    let stale = false;
    setMovement(null);
    if (networkId && activeId) void api.compare({ networkId, a: BASELINE, b: activeId }).then((r) => !stale && r.ok && setMovement(r.value.movement));
    return () => {
      stale = true;
    };
  }, [api, networkId, activeId, editCount]);

  if (!view || !summary) return null;
  const threshold = summary.privacyThreshold;
  const share = summary.shares.find((s) => s.id === shareId);
  const before = shareId ? view.baseline.indices[shareId]?.D ?? null : null;
  const after = shareId ? view.indicators.indices[shareId]?.D ?? null : null;
  const over = (list: { utilisation: number | null }[]) => list.filter((s) => s.utilisation !== null && s.utilisation > 1).length;
  return (
    <aside className="workshop-figures" aria-label={t('workshop.keyFigures')} data-testid="workshop-figures">
      <p className="workshop-network">{network?.label[lang]}</p>
      {share && (
        <div className="workshop-figure">
          <span className="label">{t('workshop.indexD', { share: share.label[lang] })}</span>
          <span className="value">
            {formatIndex(before, lang)} → <strong>{formatIndex(after, lang)}</strong>
          </span>
          <span className="delta">{before !== null && after !== null ? formatIndexChange(after - before, lang) : ''}</span>
        </div>
      )}
      <div className="workshop-figure">
        <span className="label">{t('workshop.overCapacity')}</span>
        <span className="value">
          {over(view.baseline.schools)} → <strong>{over(view.indicators.schools)}</strong>
        </span>
      </div>
      <div className="workshop-figure">
        <span className="label">{t('workshop.moved')}</span>
        <span className="value">
          <strong>{movement ? formatChildren(movement.movedChildren, lang, threshold) : '…'}</strong>
        </span>
      </div>
    </aside>
  );
}
