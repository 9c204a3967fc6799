/** Which indicator configuration the CLI uses: --config FILE, else the preset that fits the data. */
import { usableConfig, validateConfig } from '../core/config/validate-config';
import { detectPreset, presetLabel, presets, type PresetId } from '../core/config/presets';
import type { IndicatorConfig } from '../core/config/indicator-config';
import { fail, ok, type Problem, type Result } from '../core/model/result';
import type { CliIo } from './cli-io';
import { readInput } from './cli-inputs';

export interface ResolvedConfig {
  config: IndicatorConfig;
  /**
   * "file NAME (preset ID, Name)", "preset ID, Name (from the manifest)" or "preset ID, Name
   * (detected from the unit fields)": the preset named as the app names it.
   */
  origin: string;
  /** The preset the configuration comes from (a file's own "preset" field), when it names one. */
  preset: string | null;
}

/**
 * Load and validate --config, or pick the manifest's preset, or detect one from the units
 * file's fields (`fileFields`, all of them, as the wizard does); then reduce it to what the
 * numeric unit fields support (usableConfig).
 */
export async function resolveConfig(io: CliIo, configPath: string | undefined, manifestPreset: string | undefined, unitFields: string[], unitsFile: string, fileFields: string[] = unitFields): Promise<Result<ResolvedConfig>> {
  let config: IndicatorConfig;
  let origin: string;
  const warnings: Problem[] = [];
  if (configPath) {
    const bytes = await readInput(io, configPath, 'config');
    if (!bytes.ok) return bytes;
    const v = validateConfig(new TextDecoder().decode(bytes.value), configPath);
    if (!v.ok) return v;
    warnings.push(...v.warnings);
    config = v.value;
    origin = `file ${configPath}${config.preset ? ` (preset ${presetLabel(config.preset)})` : ''}`;
  } else {
    const fromManifest = manifestPreset && manifestPreset in presets ? (manifestPreset as PresetId) : null;
    // Detected from every field of the units file (postinumero marks Paavo), as the wizard does.
    const id = fromManifest ?? detectPreset(fileFields);
    if (!id)
      return fail({
        code: 'no-preset',
        message: `No indicator preset fits the unit fields (${unitFields.slice(0, 12).join(', ')}${unitFields.length > 12 ? ', …' : ''}).`,
        fix: 'Give --config FILE (see docs/indicator-config.md), or use data with Statistics Finland (he_7_12, he_13_15, he_vakiy) or HSY (ika0_9, ika10_19, asukkaita) fields.',
        file: unitsFile,
      });
    config = presets[id];
    origin = `preset ${presetLabel(id)} (${fromManifest ? 'from the manifest' : 'detected from the unit fields'})`;
  }
  const usable = usableConfig(config, unitFields, unitsFile);
  if (!usable.ok) return usable;
  return ok({ config: usable.value, origin, preset: config.preset || null }, [...warnings, ...usable.warnings]);
}
