/** The CLI names the presets as the app does: the core's English names are the app's English labels. */
import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, presetLabel } from '../../../src/core/config/presets';
import en from '../../../src/app/i18n/locales/en.json';

describe('preset names', () => {
  it('match the app\'s English labels, one for each preset', () => {
    expect(PRESET_NAMES).toEqual(en.import.presets);
    expect(presetLabel('paavo')).toBe('paavo, Paavo (postal-code areas)');
    expect(presetLabel('my-own')).toBe('my-own');
  });
});
