/** Step 1: a drop zone and file picker per layer, reading progress, what was read, and named errors. */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRole } from '../workers/import-protocol';
import { groupInputFiles } from './import-tables';
import { IMPORT_ROLES, OPTIONAL_ROLES } from './import-steps';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';
import { KeptDatasets } from './kept-datasets';
import { ProblemList } from './problem-list';
import { useFormat } from './use-format';
import { LayerPick } from './layer-pick';

async function bytesOf(files: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

export function FileStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  return (
    <div className="import-step">
      <p className="step-intro">{t('import.files.intro')}</p>
      <div className="file-slots">
        {IMPORT_ROLES.map((role) => (
          <FileSlotView key={role} store={store} role={role} />
        ))}
      </div>
      <p className="step-note">{t('import.files.formats')}</p>
      <KeptDatasets />
    </div>
  );
}

function FileSlotView({ store, role }: { store: ImportStore; role: ImportRole }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const slot = useImport(store, (s) => s.files[role])!;
  const [over, setOver] = useState(false);
  const [localProblems, setLocalProblems] = useState<ReturnType<typeof groupInputFiles> | null>(null);
  const take = async (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    const grouped = groupInputFiles(await bytesOf(files));
    setLocalProblems(grouped.ok ? null : grouped);
    if (grouped.ok) await store.getState().pick(role, grouped.value);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files);
  };
  const id = `import-file-${role}`;
  const s = slot.summary;
  return (
    <section className={`file-slot ${slot.status}${over ? ' drag-over' : ''}`} aria-labelledby={`${id}-title`} data-role={role} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={onDrop}>
      <h3 id={`${id}-title`}>
        {t(`import.roles.${role}`)} {OPTIONAL_ROLES.includes(role) && <span className="optional">{t('import.files.optional')}</span>}
      </h3>
      <p className="slot-help">{t(`import.files.help.${role}`)}</p>
      <div className="slot-actions">
        <label className="file-button" htmlFor={id}>
          {slot.status === 'empty' ? t('import.files.choose') : t('import.files.replace')}
        </label>
        <input id={id} className="file-input" type="file" multiple aria-describedby={`${id}-status`} onChange={(e) => void take(e.target.files).then(() => (e.target.value = ''))} />
        {slot.status !== 'empty' && (
          <button type="button" className="link-button" onClick={() => void store.getState().removeFile(role)}>
            {t('import.files.remove')}
          </button>
        )}
      </div>
      <div id={`${id}-status`} className="slot-status" aria-live="polite">
        {slot.status === 'empty' && <span className="muted">{t('import.files.dropHere')}</span>}
        {slot.status === 'reading' && (
          <>
            <span>{t('import.files.reading', { name: slot.name })}</span>
            <progress max={1} value={slot.progress} aria-label={t('import.files.reading', { name: slot.name })} />
            <span className="muted small">{slot.message}</span>
          </>
        )}
        {slot.status === 'ready' && s && (
          <dl className="file-facts">
            <dt>{t('import.files.file')}</dt>
            <dd className="file-name">{s.file}</dd>
            <dt>{t('import.files.format')}</dt>
            <dd>{t(`import.formats.${s.format}`)}{s.encoding ? ` · ${s.encoding}` : ''}{s.layer ? ` · ${s.layer}` : ''}</dd>
            {s.layers && s.layers.length > 1 && <LayerPick store={store} role={role} layers={s.layers} value={s.layer ?? s.layers[0]} />}
            <dt>{t('import.files.features')}</dt>
            <dd data-testid={`${role}-features`}>{fmt.n(s.features)}</dd>
            <dt>{t('import.files.geometry')}</dt>
            <dd>{[s.geometry.polygons && t('import.files.polygons', { count: s.geometry.polygons, n: fmt.n(s.geometry.polygons) }), s.geometry.points && t('import.files.points', { count: s.geometry.points, n: fmt.n(s.geometry.points) }), s.geometry.other + s.geometry.none && t('import.files.otherGeometry', { n: fmt.n(s.geometry.other + s.geometry.none) })].filter(Boolean).join(', ')}</dd>
            <dt>{t('import.files.fields')}</dt>
            <dd>{s.fields.length}</dd>
          </dl>
        )}
        {slot.status === 'error' && <p className="slot-failed">{t('import.files.failed', { name: slot.name })}</p>}
      </div>
      <ProblemList problems={slot.problems} />
      {localProblems && !localProblems.ok && <ProblemList problems={localProblems.problems} />}
      {s && s.warnings.length > 0 && <ProblemList problems={s.warnings} tone="warning" limit={3} />}
    </section>
  );
}
