/** Pure helpers of the scenario side: names, session fields, workshop deck, anonymised summary, report print bar, legend gradients. */
import { describe, expect, test } from 'vitest';
import { gradientStops } from '../../../src/app/exports/dom-to-canvas';
import { withPrintButton } from '../../../src/app/exports/report-window';
import { copyName, nextScenarioName, scenarioFileName } from '../../../src/app/scenarios/scenario-names';
import type { ScenarioSummary } from '../../../src/app/scenarios/scenario-protocol';
import { pickSessionUi, restorableUi, validCamera } from '../../../src/app/scenarios/session-state';
import { anonymisedSummary } from '../../../src/app/workshop/anonymise-summary';
import { isTextEntry, stepDeck, workshopDeck, workshopKey } from '../../../src/app/workshop/workshop-deck';
import { scenarioAlias, scenarioDisplayName } from '../../../src/app/workshop/scenario-alias';
import type { DatasetSummary } from '../../../src/app/workers/engine-protocol';

describe('scenario names', () => {
  test('file names keep letters (ä, ö) and replace characters that file systems refuse', () => {
    expect(scenarioFileName('Sarake 2 Länsikouluun')).toBe('Sarake 2 Länsikouluun.scenario.json');
    expect(scenarioFileName('a/b: c?')).toBe('a-b- c-.scenario.json');
    expect(scenarioFileName('   ')).toBe('scenario.scenario.json');
    expect(scenarioFileName('Kartta', '.png')).toBe('Kartta.png');
  });

  test('the next free "Skenaario n" and copy names', () => {
    expect(nextScenarioName('Skenaario', [])).toBe('Skenaario 1');
    expect(nextScenarioName('Skenaario', ['Skenaario 1', 'skenaario 2', 'Muu'])).toBe('Skenaario 3');
    expect(copyName('A', 'kopio', ['A'])).toBe('A (kopio)');
    expect(copyName('A', 'kopio', ['A', 'A (kopio)', 'A (kopio 2)'])).toBe('A (kopio 3)');
  });
});

describe('session state', () => {
  const ui = { tool: 'lasso', selectedSchoolId: 'A', selectedShareId: null, colourBy: 'cells', cellMeasureId: 'children', showCatchments: true, showChanged: false, hover: { x: 1 } };

  test('only the session fields are picked (not the tool or the hover)', () => {
    expect(pickSessionUi(ui)).toEqual({ selectedSchoolId: 'A', selectedShareId: null, colourBy: 'cells', cellMeasureId: 'children', showCatchments: true, showChanged: false });
  });

  test('restore takes fields of the same type, and a school only when it exists', () => {
    const current = { selectedSchoolId: null, selectedShareId: null, colourBy: 'catchments', cellMeasureId: null, showCatchments: true, showChanged: true };
    expect(restorableUi({ selectedSchoolId: 'A', colourBy: 'cells', cellMeasureId: 'foreign', showChanged: false }, current, ['A', 'B'])).toEqual({ selectedSchoolId: 'A', colourBy: 'cells', cellMeasureId: 'foreign', showChanged: false });
    expect(restorableUi({ selectedSchoolId: 'Z' }, current, ['A'])).toEqual({});
    expect(restorableUi({ showChanged: 'yes' }, current, []), 'a string for a boolean is refused').toEqual({});
    expect(restorableUi({ removedField: 1 } as never, current, [])).toEqual({});
  });

  test('cameras: finite, on Earth, zoom 0–24', () => {
    expect(validCamera({ center: [25, 60], zoom: 10 })).toEqual({ center: [25, 60], zoom: 10 });
    expect(validCamera({ center: [25, 95], zoom: 10 })).toBeNull();
    expect(validCamera({ center: [25, 60], zoom: Number.NaN })).toBeNull();
    expect(validCamera(null)).toBeNull();
  });
});

describe('workshop deck', () => {
  const s = (id: string, inDeck: boolean): ScenarioSummary => ({ id, name: id, description: '', updatedAt: '', editCount: 0, redoCount: 0, inDeck, warm: false });

  test('the marked scenarios in order, or all when none is marked', () => {
    expect(workshopDeck([s('a', false), s('b', true), s('c', true)])).toEqual(['b', 'c']);
    expect(workshopDeck([s('a', false), s('b', false)])).toEqual(['a', 'b']);
  });

  test('stepping stops at the ends; from outside the deck it starts at the first', () => {
    const deck = ['a', 'b', 'c'];
    expect(stepDeck(deck, 'b', 1)).toBe('c');
    expect(stepDeck(deck, 'c', 1)).toBe('c');
    expect(stepDeck(deck, 'a', -1)).toBe('a');
    expect(stepDeck(deck, 'x', 1)).toBe('a');
    expect(stepDeck([], 'a', 1)).toBeNull();
  });

  test('clicker and keyboard keys', () => {
    expect(['PageDown', 'ArrowRight', ' '].map(workshopKey)).toEqual(['next', 'next', 'next']);
    expect(['PageUp', 'ArrowLeft'].map(workshopKey)).toEqual(['previous', 'previous']);
    expect([workshopKey('Escape'), workshopKey('Home'), workshopKey('End'), workshopKey('x')]).toEqual(['exit', 'first', 'last', null]);
    // Only typing keeps the keys: after a button, checkbox or select was used the clicker still steps.
    expect([{ tagName: 'BUTTON' }, { tagName: 'SELECT' }, { tagName: 'INPUT', type: 'checkbox' }, { tagName: 'INPUT', type: 'radio' }, null].map(isTextEntry)).toEqual([false, false, false, false, false]);
    expect([{ tagName: 'INPUT', type: 'text' }, { tagName: 'INPUT', type: 'DATE' }, { tagName: 'TEXTAREA' }, { tagName: 'DIV', isContentEditable: true }].map(isTextEntry)).toEqual([true, true, true, true]);
    // Anonymised scenario names follow the list order.
    const list = [{ id: 'a', name: 'Länsikoulu kasvaa' }, { id: 'b', name: 'Itäkoulu' }];
    expect(scenarioDisplayName(list, 'b', true, 'fi')).toBe('Skenaario B');
    expect(scenarioDisplayName(list, 'b', false, 'fi')).toBe('Itäkoulu');
    expect(scenarioAlias(0, 'sv')).toBe('Scenario A');
  });
});

test('an anonymised summary has aliases for names and keeps everything else', () => {
  const summary = { name: 'City', networks: [{ id: 'n', schools: [{ id: 'A', name: 'Länsikoulu', index: 0 }, { id: 'B', name: 'Itäkoulu', index: 1 }] }] } as unknown as DatasetSummary;
  const out = anonymisedSummary(summary, { A: 'Koulu A', B: 'Koulu B' });
  expect(out.networks[0].schools.map((s) => s.name)).toEqual(['Koulu A', 'Koulu B']);
  expect(out.name).toBe('City');
  expect(summary.networks[0].schools[0].name, 'the original is unchanged').toBe('Länsikoulu');
});

test('the report gets a print bar right after <body>, hidden when printing', () => {
  const html = withPrintButton('<html><head></head><body class="x"><main>R</main></body></html>', 'fi');
  expect(html.indexOf('<body class="x"><div class="print-bar"')).toBeGreaterThan(0);
  // No inline script (the page's Content-Security-Policy would block it): the opener binds the click.
  expect(html).toContain('<button type="button" data-print');
  expect(html).not.toMatch(/onclick|<script/i);
  expect(html).toContain('Tulosta');
  expect(html).toContain('@media print{.print-bar{display:none!important}}');
});

test('legend gradients: stops with and without positions', () => {
  expect(gradientStops('linear-gradient(to right, rgb(68, 1, 84) 0%, rgb(253, 231, 37) 100%)')).toEqual([
    { colour: 'rgb(68, 1, 84)', at: 0 },
    { colour: 'rgb(253, 231, 37)', at: 1 },
  ]);
  // Three stops without positions: 0, 0.5, 1.
  expect(gradientStops('linear-gradient(90deg, rgb(1, 2, 3), rgba(4, 5, 6, 0.5), rgb(7, 8, 9))').map((s) => s.at)).toEqual([0, 0.5, 1]);
});
