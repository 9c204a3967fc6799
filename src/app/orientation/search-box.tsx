/**
 * The map's search box (ARIA combobox with a listbox): schools of the current network and the
 * named areas of the data (place-search.ts). Choosing a school selects it and zooms to its
 * catchment; choosing an area zooms to it. Arrow keys move in the list, Enter chooses, Esc clears.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument, useStores } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { searchItems, type SearchItem } from './place-search';

export function SearchBox() {
  const { t } = useTranslation();
  const { ui } = useStores();
  const summary = useDocument((s) => s.summary);
  const network = useDocument(currentNetwork);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const id = useId();

  const items = useMemo<SearchItem[]>(
    () => [
      ...(network?.schools ?? []).map((s): SearchItem => ({ kind: 'school', key: s.id, name: s.name, detail: 'school', bounds: [s.lonLat[0], s.lonLat[1], s.lonLat[0], s.lonLat[1]] })),
      ...(summary?.places ?? []).map((p, i): SearchItem => ({ kind: 'place', key: String(i), name: p.name, detail: p.kind, bounds: p.bounds })),
    ],
    [network, summary],
  );
  const results = useMemo(() => searchItems(items, query), [items, query]);
  const shown = open && query.trim() !== '';

  const choose = (item: SearchItem) => {
    if (item.kind === 'school') {
      ui.getState().selectSchool(item.key);
      ui.getState().requestFocus({ kind: 'school', id: item.key });
    } else ui.getState().requestFocus({ kind: 'bounds', bounds: item.bounds });
    setQuery(item.name);
    setOpen(false);
  };
  const kindLabel = (detail: string) => t(`orientation.kind.${detail}`, { defaultValue: detail });

  return (
    <div className="map-search" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('orientation.searchLabel')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={shown && results[active] ? `${id}-option-${active}` : undefined}
        placeholder={t('orientation.searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            if (results.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
          } else if (e.key === 'Enter' && shown && results[active]) {
            e.preventDefault();
            choose(results[active]);
          } else if (e.key === 'Escape') {
            e.stopPropagation();
            setOpen(false);
            if (!open) setQuery('');
          }
        }}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t('orientation.searchLabel')} className="map-search-list" hidden={!shown}>
        {shown && results.length === 0 && (
          <li role="option" aria-selected={false} aria-disabled="true" className="muted">
            {t('orientation.noResults')}
          </li>
        )}
        {shown &&
          results.map((item, i) => (
            <li
              key={`${item.kind}:${item.key}`}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(item);
              }}
            >
              <span className="map-search-name">{item.name}</span> <span className="map-search-kind">{kindLabel(item.detail)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
