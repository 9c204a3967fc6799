/**
 * The QGIS style of the GeoPackage export, read as QGIS reads it (tests/helpers/qgis-qml-check.ts,
 * modelled on qgis/QGIS's readers): well-formed XML, a categorized renderer on school_id with
 * one fill per school in the palette colour chosen for it, and labels on school_name.
 */
import { describe, expect, it } from 'vitest';
import type { MultiPolygon } from '../../../src/core/model/geometry-types';
import { qgisStyleQml, STYLE_PALETTE, styleColours, type StyledFeature } from '../../../src/core/export/qgis-style';
import { readQml } from '../../helpers/qgis-qml-check';

const square = (x: number): MultiPolygon => [[[[x, 0], [x + 10, 0], [x + 10, 10], [x, 10], [x, 0]]]];
// Names with every XML special character: they must come back exactly.
const features: StyledFeature[] = [
  { schoolId: 'fi-001', label: 'Koulu "A" & <Länsi>', geometry: square(0) },
  { schoolId: "fi-002's", label: 'Koulu B', geometry: square(10) },
  { schoolId: 'fi-003', label: 'Koulu C', geometry: square(40) },
];

describe('QGIS layer style (QML)', () => {
  const colours = styleColours(features.map((f) => f.geometry));
  const reading = readQml(qgisStyleQml(features, colours));

  it('is a QML document QGIS reads without problems', () => {
    expect(reading.problems).toEqual([]);
    expect(reading.geometryType).toBe('2'); // polygon
  });

  it('has a categorized renderer on school_id: one rendered fill per school, in its palette colour', () => {
    expect(reading.rendererType).toBe('categorizedSymbol');
    expect(reading.attr).toBe('school_id');
    expect(reading.categories.map((c) => [c.value, c.label, c.render, c.symbolType, c.layerClass])).toEqual([
      ['fi-001', 'Koulu "A" & <Länsi>', true, 'fill', 'SimpleFill'],
      ["fi-002's", 'Koulu B', true, 'fill', 'SimpleFill'],
      ['fi-003', 'Koulu C', true, 'fill', 'SimpleFill'],
    ]);
    // Squares 0–10 and 10–20 touch (different colours); 40–50 touches neither.
    expect(colours[0]).not.toBe(colours[1]);
    reading.categories.forEach((c, i) => {
      const [r, g, b] = STYLE_PALETTE[colours[i]];
      expect(c.props.color).toBe(`${r},${g},${b},255`);
      expect(c.props.style).toBe('solid');
    });
  });

  it('gives older QGIS 3 releases (which read <prop k v> only) the same fill properties', () => {
    const propsOnly = readQml(qgisStyleQml(features, colours).replace(/<Option type="Map">[\s\S]*?\n {10}<\/Option>\n/g, ''));
    expect(propsOnly.problems).toEqual([]);
    expect(propsOnly.categories.map((c) => c.props)).toEqual(reading.categories.map((c) => c.props));
    expect(qgisStyleQml(features, colours)).not.toBe(qgisStyleQml(features, colours).replace(/<Option type="Map">[\s\S]*?\n {10}<\/Option>\n/g, ''));
  });

  it('turns labels on, from the school_name field', () => {
    expect(reading.labelsEnabled).toBe(true);
    expect(reading.labelField).toBe('school_name');
    expect(reading.labelIsExpression).toBe(false);
  });

  it('reports what QGIS would not accept (the checker itself)', () => {
    const broken = qgisStyleQml(features, colours).replace('<symbols>', '<symbolz>').replace('</symbols>', '</symbolz>');
    expect(readQml(broken).problems).toContain('<renderer-v2> has no <symbols>: QGIS returns no renderer');
    expect(readQml('<!DOCTYPE qgis><qgis><renderer-v2></qgis>').problems[0]).toMatch(/^not well-formed XML/);
    expect(readQml(qgisStyleQml(features, colours).replace('labelsEnabled="1"', 'labelsEnabled="0"')).labelsEnabled).toBe(false);
  });
});
