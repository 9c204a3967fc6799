/**
 * Step 3: the preset detected from the units' fields, the mapping of canonical fields to source
 * fields (pre-filled by suggestMapping) and, for HSY, the age-band shares (estimates).
 */
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../core/config/presets';
import type { ImportStore } from './import-store';
import { useImport } from './import-context';

const PRESETS: PresetId[] = ['statfi-grid', 'paavo', 'hsy'];

export function FieldsStep({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const info = useImport(store, (s) => s.fieldsInfo);
  const preset = useImport(store, (s) => s.preset);
  const mapping = useImport(store, (s) => s.mapping)!;
  const fractions = useImport(store, (s) => s.fractions);
  if (!info) return <p className="step-intro">{t('import.working')}</p>;
  const fields = info.canonical.filter((c) => !preset || c.presets.includes(preset));
  return (
    <div className="import-step">
      <div className="preset-row">
        <label className="field-inline">
          <span>{t('import.fields.preset')}</span>
          <select value={preset ?? ''} onChange={(e) => store.getState().setPreset(e.target.value as PresetId)}>
            {!preset && <option value="">{t('import.fields.noPreset')}</option>}
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`import.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="preset-detected" data-testid="preset-detected">
          {info.detectedPreset ? t('import.fields.detected', { preset: t(`import.presets.${info.detectedPreset}`) }) : t('import.fields.notDetected')}
        </span>
      </div>
      <p className="step-intro">{t('import.fields.intro')}</p>
      <table className="import-table mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('import.fields.canonical')}</th>
            <th scope="col">{t('import.fields.meaning')}</th>
            <th scope="col">{t('import.fields.source')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((c) => {
            const how = info.matched.find((m) => m.field === c.name && m.source === mapping[c.name])?.how;
            return (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{c.label}</td>
                <td>
                  <select aria-label={t('import.fields.sourceFor', { field: c.name })} value={mapping[c.name] ?? ''} onChange={(e) => store.getState().setMapping(c.name, e.target.value)}>
                    <option value="">{t('import.fields.none')}</option>
                    {info.sourceFields.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                  {how && <span className={`match-how ${how}`}>{t(`import.fields.how.${how}`)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {preset === 'hsy' && fractions && (
        <section className="fractions" aria-labelledby="fractions-title">
          <h3 id="fractions-title">{t('import.fields.fractionsTitle')}</h3>
          <p className="estimate-note">
            <span className="estimate-badge">{t('import.fields.estimate')}</span> {t('import.fields.fractionsHelp')}
          </p>
          {(['lower', 'upper'] as const).map((level) => (
            <fieldset key={level} className="fraction-set">
              <legend>{t(`import.fields.level.${level}`)}</legend>
              {fractions[level].map((f) => (
                <label key={f.field} className="field-inline">
                  <span>
                    {t('import.fields.shareOf')} <code>{f.field}</code>
                  </span>
                  <input type="number" min={0} max={1} step={0.05} value={f.factor} onChange={(e) => store.getState().setFraction(level, f.field, Number(e.target.value))} />
                </label>
              ))}
            </fieldset>
          ))}
        </section>
      )}
    </div>
  );
}
