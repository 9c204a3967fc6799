/** The layer list of a file with several layers (GeoPackage tables, Shapefiles in a ZIP): choosing one reads it. */
import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { ImportRole } from '../workers/import-protocol';
import type { ImportStore } from './import-store';
import en from './locales/en.json';
import fi from './locales/fi.json';
import sv from './locales/sv.json';

const LOCALES = { fi, sv, en } as const;

/** Adds the texts of this control to the app's i18next instance (once). */
function register(instance: i18n): void {
  if (instance.exists('importLayer.label')) return;
  for (const [language, resources] of Object.entries(LOCALES)) instance.addResourceBundle(language, 'translation', resources, true, false);
}

export function LayerPick({ store, role, layers, value }: { store: ImportStore; role: ImportRole; layers: string[]; value: string }) {
  const { t, i18n } = useTranslation();
  register(i18n);
  const id = `import-layer-${role}`;
  return (
    <>
      <dt>
        <label htmlFor={id}>{t('importLayer.label')}</label>
      </dt>
      <dd>
        <select id={id} value={value} onChange={(e) => void store.getState().chooseLayer(role, e.target.value)} aria-describedby={`${id}-help`}>
          {layers.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <span id={`${id}-help`} className="muted small">
          {' '}
          {t('importLayer.help', { count: layers.length })}
        </span>
      </dd>
    </>
  );
}
