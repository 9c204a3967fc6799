/**
 * Housing projects of the scenario (issue 9): the list with inline numbers (dwellings, tenure,
 * building type, completion year), delete, and "Draw a project" (then draw its area with the lasso
 * on the map). Each change is a record through the document store, so it is undoable and saved.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { BUILDING_TYPES, TENURES } from '../../core/housing/housing-config';
import type { HousingProjectRecord } from '../../core/scenario/edit';
import { useDocument, useStores } from '../stores/app-stores';
import { housingDraw } from './housing-draw';

export function HousingPanel() {
  const { t } = useTranslation();
  const stores = useStores();
  const projects = useDocument((s) => s.housing);
  const years = useDocument((s) => s.summary?.years);
  const year = useDocument((s) => s.year);
  const drawing = useStore(housingDraw, (s) => (s.draft !== null ? s.mode : null));
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  if (!years) return null;
  const change = (p: HousingProjectRecord, patch: Partial<HousingProjectRecord>) => void stores.document.getState().requestEdit({ ...p, ...patch });
  const draft = () => ({ id: `housing-${Date.now().toString(36)}`, name: t('housing.defaultName', { n: projects.length + 1 }), dwellings: 100, tenure: 'owner' as const, buildingType: 'block' as const, year: year ?? years.base });
  const startDraw = () => {
    housingDraw.setState({ draft: draft(), mode: 'area' });
    stores.ui.getState().setTool('lasso');
  };
  const startPoint = () => {
    housingDraw.setState(drawing === 'point' ? { draft: null, mode: 'area' } : { draft: draft(), mode: 'point' });
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setImporting(true);
    setImported(null);
    try {
      const done = await stores.document.getState().importHousing({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      if (done) setImported(file.name);
    } finally {
      setImporting(false);
    }
  };
  return (
    <section className="panel housing-panel" aria-labelledby="housing-title" data-testid="housing-panel">
      <h2 id="housing-title">{t('housing.title')}</h2>
      <div className="housing-actions">
        <button type="button" onClick={startDraw} aria-pressed={drawing === 'area'}>
          {drawing === 'area' ? t('housing.drawing') : t('housing.draw')}
        </button>
        <button type="button" onClick={startPoint} aria-pressed={drawing === 'point'} data-testid="housing-point">
          {drawing === 'point' ? t('housing.placing') : t('housing.point')}
        </button>
        <label className="button-like">
          {importing ? t('housing.importing') : t('housing.import')}
          <input type="file" className="sr-only" data-testid="housing-file" accept=".geojson,.json,.gpkg,.zip,.csv,.txt"
            onChange={(e) => {
              void importFile(e.target.files?.[0]);
              e.target.value = '';
            }} />
        </label>
      </div>
      <p className="hint">{t('housing.importHint')}</p>
      {imported !== null && <p className="hint" role="status">{t('housing.imported', { file: imported })}</p>}
      {projects.length === 0 ? (
        <p className="hint">{t('housing.none')}</p>
      ) : (
        <ul className="housing-list">
          {projects.map((p) => (
            <li key={p.id} data-id={p.id}>
              <strong>{p.name}</strong>
              <label className="field">
                <span>{t('housing.dwellings')}</span>
                <input type="number" min={1} max={20000} defaultValue={p.dwellings} key={`${p.id}-${p.dwellings}`}
                  onBlur={(e) => Number(e.target.value) !== p.dwellings && change(p, { dwellings: Number(e.target.value) })} />
              </label>
              <label className="field">
                <span>{t('housing.tenure')}</span>
                <select value={p.tenure} data-testid="housing-tenure" onChange={(e) => change(p, { tenure: e.target.value as HousingProjectRecord['tenure'] })}>
                  {TENURES.map((x) => <option key={x} value={x}>{t(`housing.tenures.${x}`)}</option>)}
                </select>
              </label>
              <label className="field">
                <span>{t('housing.type')}</span>
                <select value={p.buildingType} onChange={(e) => change(p, { buildingType: e.target.value as HousingProjectRecord['buildingType'] })}>
                  {BUILDING_TYPES.map((x) => <option key={x} value={x}>{t(`housing.types.${x}`)}</option>)}
                </select>
              </label>
              <label className="field">
                <span>{t('housing.year')}</span>
                <select value={p.year} onChange={(e) => change(p, { year: Number(e.target.value) })}>
                  {Array.from({ length: years.last - years.base + 1 }, (_, i) => years.base + i).map((y) => <option key={y} value={y}>{y}</option>)}
                </select>
              </label>
              <button type="button" onClick={() => void stores.document.getState().requestEdit({ kind: 'remove-housing-project', id: p.id })}>
                {t('housing.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
