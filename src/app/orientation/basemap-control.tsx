/**
 * The optional background map (off by default). The user picks OpenStreetMap or types an XYZ
 * tile address; a notice names the server the tiles would come from. Switching saves the choice
 * and reloads the page, because the page's connect-src policy is fixed at load
 * (security/content-policy.ts). A `?basemap=` link is only offered (LinkBasemapOffer): accepted,
 * it applies to this tab only and is never saved.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tileOrigin } from '../security/content-policy';
import { usePreferences, useStores } from '../stores/app-stores';
import { SESSION_BASEMAP_KEY } from '../stores/preferences-store';

export const BASEMAP_PRESETS: readonly { id: string; label: string; url: string }[] = [{ id: 'osm', label: 'OpenStreetMap', url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }];

/** An http(s) template with {z}, {x} and {y}. */
export function isTileTemplate(url: string): boolean {
  return tileOrigin(url) !== null && ['{z}', '{x}', '{y}'].every((p) => url.includes(p));
}

export function BasemapControl({ reload = () => location.reload() }: { reload?(): void }) {
  const { t } = useTranslation();
  const { preferences } = useStores();
  const saved = usePreferences((s) => s.basemapUrl);
  const session = usePreferences((s) => s.sessionBasemap);
  const [choice, setChoice] = useState<string>(saved ? (BASEMAP_PRESETS.find((p) => p.url === saved)?.id ?? 'custom') : 'off');
  const [custom, setCustom] = useState(saved && !BASEMAP_PRESETS.some((p) => p.url === saved) ? saved : '');
  const id = useId();
  const url = choice === 'off' ? null : choice === 'custom' ? custom.trim() : (BASEMAP_PRESETS.find((p) => p.id === choice)?.url ?? null);
  const valid = url === null || isTileTemplate(url);
  const host = url && valid ? new URL(tileOrigin(url)!).host : null;
  const current = session ?? saved;
  const apply = () => {
    preferences.getState().setBasemapUrl(url);
    try {
      sessionStorage.removeItem(SESSION_BASEMAP_KEY);
    } catch {
      // No sessionStorage: nothing was kept there either.
    }
    reload();
  };

  return (
    <details className="panel basemap-control">
      <summary className="basemap-title">{t('basemap.title')}</summary>
      {current && <p className="muted">{t('basemap.current', { host: new URL(tileOrigin(current) ?? location.origin).host })}</p>}
      <label htmlFor={`${id}-choice`} className="sr-only">
        {t('basemap.title')}
      </label>
      <select id={`${id}-choice`} value={choice} onChange={(e) => setChoice(e.target.value)}>
        <option value="off">{t('basemap.off')}</option>
        {BASEMAP_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
        <option value="custom">{t('basemap.custom')}</option>
      </select>
      {choice === 'custom' && (
        <label className="basemap-url">
          <span>{t('basemap.urlLabel')}</span>
          <input type="url" value={custom} placeholder="https://…/{z}/{x}/{y}.png" onChange={(e) => setCustom(e.target.value)} aria-invalid={!valid} />
        </label>
      )}
      {!valid && custom.trim() !== '' && (
        <p className="basemap-invalid" role="alert">
          {t('basemap.invalid')}
        </p>
      )}
      {host && <p className="basemap-notice">{t('basemap.notice', { host })}</p>}
      {valid && url !== current && (url !== null || current !== null) && (
        <button type="button" onClick={apply}>
          {url ? t('basemap.on') : t('basemap.turnOff')}
        </button>
      )}
    </details>
  );
}

/** The offer of a `?basemap=` link: nothing is fetched unless the user accepts it for this tab. */
export function LinkBasemapOffer({ reload = () => location.reload() }: { reload?(): void }) {
  const { t } = useTranslation();
  const { preferences } = useStores();
  const link = usePreferences((s) => s.linkBasemap);
  const session = usePreferences((s) => s.sessionBasemap);
  const saved = usePreferences((s) => s.basemapUrl);
  if (!link || link === session || link === saved || !isTileTemplate(link)) return null;
  const host = new URL(tileOrigin(link)!).host;
  const dropFromAddress = () => {
    const params = new URLSearchParams(location.search);
    params.delete('basemap');
    history.replaceState(history.state, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
  };
  return (
    <div className="link-basemap-offer" role="region" aria-label={t('basemap.linkTitle')}>
      <p>
        <strong>{t('basemap.linkTitle')}</strong> {t('basemap.linkBody', { host })}
      </p>
      <button
        type="button"
        onClick={() => {
          try {
            sessionStorage.setItem(SESSION_BASEMAP_KEY, link);
          } catch {
            return;
          }
          dropFromAddress();
          reload();
        }}
      >
        {t('basemap.linkAccept')}
      </button>
      <button
        type="button"
        onClick={() => {
          dropFromAddress();
          preferences.setState({ linkBasemap: null });
        }}
      >
        {t('basemap.linkIgnore')}
      </button>
    </div>
  );
}
