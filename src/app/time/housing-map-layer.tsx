/**
 * Housing projects on the map (issue 9): each project's area outlined (hatched violet, not a
 * catchment colour) and a label with its dwellings at its centre or location. Hovering or
 * focusing a label shows the pupils it adds per school year (asked from the worker on the first
 * hover after a change). While a point is being placed ("Click a point" in the housing panel), a
 * click catcher over the map takes the click; Enter places it at the centre of the view, Escape cancels.
 * Drawn as DOM/SVG over the map, re-projected on every map move (a few hundred projects at most).
 */
import { useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { ProjectPupils } from '../../core/housing/project-pupils';
import type { HousingProjectRecord } from '../../core/scenario/edit';
import { formatNumber } from '../format/format-number';
import { fromLonLat, toLonLat } from '../map/display-projection';
import type { MapView } from '../map/map-view';
import { useDocument, usePreferences, useStores } from '../stores/app-stores';
import { currentNetwork } from '../stores/selectors';
import { finishHousingPoint, housingDraw } from './housing-draw';
import './time.css';

interface Shown {
  record: HousingProjectRecord;
  /** Outer rings in lon/lat (areas), empty for points. */
  rings: [number, number][][];
  anchor: [number, number];
}

function shownOf(record: HousingProjectRecord): Shown {
  if (record.location) return { record, rings: [], anchor: toLonLat(record.location[0], record.location[1]) };
  const rings = (record.region ?? []).map((polygon) => (polygon[0] ?? []).map(([x, y]) => toLonLat(x, y)));
  let sx = 0;
  let sy = 0;
  let n = 0;
  for (const polygon of record.region ?? [])
    for (const [x, y] of (polygon[0] ?? []).slice(0, -1)) {
      sx += x;
      sy += y;
      n++;
    }
  return { record, rings, anchor: n > 0 ? toLonLat(sx / n, sy / n) : rings[0]?.[0] ?? [0, 0] };
}

export function HousingMapLayer({ view }: { view: MapView | null }) {
  const { t } = useTranslation();
  const stores = useStores();
  const housing = useDocument((s) => s.housing);
  const network = useDocument(currentNetwork);
  const lang = usePreferences((s) => s.language);
  const placing = useStore(housingDraw, (s) => s.draft !== null && s.mode === 'point');
  const [, setTick] = useState(0);
  const [hover, setHover] = useState<string | null>(null);
  const [pupils, setPupils] = useState<{ of: HousingProjectRecord[]; years: number[]; projects: ProjectPupils[] } | null>(null);
  const shown = useMemo(() => housing.map(shownOf), [housing]);

  useEffect(() => {
    if (!view) return;
    let frame = 0;
    const onMove = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setTick((n) => n + 1));
    };
    view.map.on('move', onMove);
    view.map.on('resize', onMove);
    return () => {
      cancelAnimationFrame(frame);
      view.map.off('move', onMove);
      view.map.off('resize', onMove);
    };
  }, [view]);

  useEffect(() => {
    if (hover === null || pupils?.of === housing || !stores.engine.housingPupils) return;
    let live = true;
    void stores.engine.housingPupils().then((p) => live && setPupils({ of: housing, ...p }));
    return () => {
      live = false;
    };
  }, [hover, housing, pupils, stores.engine]);

  if (!view) return null;
  const place = (px: number, py: number) => {
    const [lon, lat] = view.unproject(px, py);
    const record = finishHousingPoint(fromLonLat(lon, lat));
    if (record) void stores.document.getState().requestEdit(record);
  };
  const onCatcherClick = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    place(e.clientX - box.left, e.clientY - box.top);
  };
  const onCatcherKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const box = e.currentTarget.getBoundingClientRect();
      place(box.width / 2, box.height / 2);
    } else if (e.key === 'Escape') housingDraw.setState({ draft: null, mode: 'area' });
  };
  const level = network?.level ?? 'lower';
  const hovered = hover !== null && pupils?.of === housing ? pupils.projects.find((p) => p.id === hover) : undefined;
  const path = (ring: [number, number][]) => ring.map((p, i) => `${i ? 'L' : 'M'}${view.project(p).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z';

  return (
    <div className="housing-map-layer" data-testid="housing-map-layer">
      <svg className="housing-areas" aria-hidden="true">
        <defs>
          <pattern id="housing-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6a3d9a" strokeWidth="1.5" />
          </pattern>
        </defs>
        {shown.flatMap((s) => s.rings.map((ring, i) => <path key={`${s.record.id}-${i}`} d={path(ring)} fill="url(#housing-hatch)" fillOpacity={0.45} stroke="#6a3d9a" strokeWidth={2} />))}
      </svg>
      {shown.map((s) => {
        const [x, y] = view.project(s.anchor);
        const label = t('housing.mapLabel', { count: s.record.dwellings, dwellings: formatNumber(s.record.dwellings, lang) });
        return (
          <button key={s.record.id} type="button" className="housing-marker" data-id={s.record.id} style={{ left: x, top: y }}
            aria-label={`${s.record.name}: ${label}`} aria-describedby={hover === s.record.id ? 'housing-hover' : undefined}
            onMouseEnter={() => setHover(s.record.id)} onMouseLeave={() => setHover(null)} onFocus={() => setHover(s.record.id)} onBlur={() => setHover(null)}>
            {label}
          </button>
        );
      })}
      {hover !== null && (() => {
        const s = shown.find((x) => x.record.id === hover);
        if (!s) return null;
        const [x, y] = view.project(s.anchor);
        return (
          <div id="housing-hover" role="tooltip" className="housing-hover" data-testid="housing-hover" style={{ left: x + 12, top: y + 12 }}>
            <strong>{s.record.name}</strong>
            <div>{t(`housing.pupilsTitle.${level}`)}</div>
            {!hovered ? <div aria-busy="true">…</div> : (
              <table>
                <tbody>
                  {pupils!.years.map((yr, i) => (hovered[level][i] > 0 || yr === s.record.year ? (
                    <tr key={yr}><th scope="row">{yr}</th><td className="num">{t('housing.pupils', { value: formatNumber(hovered[level][i], lang, 1) })}</td></tr>
                  ) : null))}
                </tbody>
              </table>
            )}
          </div>
        );
      })()}
      {placing && (
        <div className="housing-point-catcher" role="button" tabIndex={0} data-testid="housing-point-catcher" aria-label={t('housing.placeHint')} title={t('housing.placeHint')}
          onClick={onCatcherClick} onKeyDown={onCatcherKey} ref={(el) => el?.focus()} />
      )}
    </div>
  );
}
