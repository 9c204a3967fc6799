/**
 * QGIS layer styles for the GeoPackage export, stored in the `layer_styles` table as QGIS
 * itself writes it, so the layer opens already styled: a categorized renderer on `school_id`
 * (one light fill per school, colour-blind-safe Paul Tol "light" colours assigned so that
 * touching catchments differ) and labels from `school_name`. The same style as SLD for other
 * tools. Colours are chosen here from the geometry (the app's map colours live in the UI).
 */
import { multiPolygonBBox } from '../geometry/bbox';
import type { MultiPolygon } from '../model/geometry-types';

/** Paul Tol's light qualitative scheme without its grey (as the app's map). */
export const STYLE_PALETTE: readonly [number, number, number][] = [
  [119, 170, 221], [238, 136, 102], [238, 221, 136], [255, 170, 187],
  [153, 221, 255], [68, 187, 153], [187, 204, 51], [170, 170, 0],
];

export interface StyledFeature {
  schoolId: string;
  label: string;
  geometry: MultiPolygon;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const hex = ([r, g, b]: readonly number[]): string => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * Palette index per feature: greedy colouring (most neighbours first) where features whose
 * bounding boxes touch count as neighbours, so adjacent catchments get different colours.
 */
export function styleColours(geometries: readonly MultiPolygon[]): number[] {
  const boxes = geometries.map(multiPolygonBBox);
  const touch = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
  const adjacency = boxes.map((a, i) => boxes.flatMap((b, j) => (i !== j && touch(a, b) ? [j] : [])));
  const colour = new Array<number>(geometries.length).fill(-1);
  const order = adjacency.map((_, i) => i).sort((a, b) => adjacency[b].length - adjacency[a].length || a - b);
  for (const node of order) {
    const used = new Array<number>(STYLE_PALETTE.length).fill(0);
    for (const m of adjacency[node]) if (colour[m] >= 0) used[colour[m]]++;
    let best = 0;
    for (let c = 1; c < used.length; c++) if (used[c] < used[best]) best = c;
    colour[node] = best;
  }
  return colour;
}

/** The QML document (QGIS 3) of a categorized fill on school_id with school_name labels. */
export function qgisStyleQml(features: readonly StyledFeature[], colours: readonly number[]): string {
  const categories = features.map((f, i) => `      <category render="true" symbol="${i}" value="${xml(f.schoolId)}" label="${xml(f.label)}" type="string"/>`).join('\n');
  const symbols = features.map((_, i) => {
    const [r, g, b] = STYLE_PALETTE[colours[i] % STYLE_PALETTE.length];
    const props: [string, string][] = [
      ['color', `${r},${g},${b},255`], ['joinstyle', 'bevel'], ['outline_color', '60,60,60,255'], ['outline_style', 'solid'],
      ['outline_width', '0.3'], ['outline_width_unit', 'MM'], ['style', 'solid'],
    ];
    // QGIS 3.2x+ reads the <Option type="Map">; older 3.x releases read the <prop k v> list.
    return `      <symbol type="fill" name="${i}" alpha="1" clip_to_extent="1" force_rhr="0" is_animated="0" frame_rate="10">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
${props.map(([k, v]) => `            <Option name="${k}" type="QString" value="${v}"/>`).join('\n')}
          </Option>
${props.map(([k, v]) => `          <prop k="${k}" v="${v}"/>`).join('\n')}
        </layer>
      </symbol>`;
  }).join('\n');
  return `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.34.0-Prizren" styleCategories="Symbology|Labeling" labelsEnabled="1">
  <renderer-v2 type="categorizedSymbol" attr="school_id" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
    <categories>
${categories}
    </categories>
    <symbols>
${symbols}
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="school_name" isExpression="0" fontFamily="Sans Serif" fontSize="9" fontSizeUnit="Point" fontWeight="63" textColor="20,20,20,255" textOpacity="1" multilineHeight="1">
        <text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.9" bufferJoinStyle="128"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="18" multilineAlign="3"/>
      <placement placement="1" offsetType="0" centroidWhole="1" centroidInside="1" fitInPolygonOnly="0" priority="5"/>
      <rendering obstacle="1" displayAll="0" upsidedownLabels="0" limitNumLabels="0" fontLimitPixelSize="0" scaleVisibility="0" labelPerPart="0" mergeLines="0"/>
    </settings>
  </labeling>
  <layerGeometryType>2</layerGeometryType>
</qgis>
`;
}

/** The same style as an OGC SLD 1.1 document (one rule per school, a text symbolizer on school_name). */
export function qgisStyleSld(layer: string, features: readonly StyledFeature[], colours: readonly number[]): string {
  const rules = features.map((f, i) => `        <se:Rule>
          <se:Name>${xml(f.schoolId)}</se:Name>
          <se:Description><se:Title>${xml(f.label)}</se:Title></se:Description>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>school_id</ogc:PropertyName><ogc:Literal>${xml(f.schoolId)}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill">${hex(STYLE_PALETTE[colours[i] % STYLE_PALETTE.length])}</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">#3c3c3c</se:SvgParameter><se:SvgParameter name="stroke-width">1</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
        </se:Rule>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" version="1.1.0">
  <NamedLayer>
    <se:Name>${xml(layer)}</se:Name>
    <UserStyle>
      <se:Name>${xml(layer)}</se:Name>
      <se:FeatureTypeStyle>
${rules}
        <se:Rule>
          <se:TextSymbolizer>
            <se:Label><ogc:PropertyName>school_name</ogc:PropertyName></se:Label>
            <se:Font><se:SvgParameter name="font-size">12</se:SvgParameter></se:Font>
            <se:Halo><se:Radius>1.5</se:Radius><se:Fill><se:SvgParameter name="fill">#ffffff</se:SvgParameter></se:Fill></se:Halo>
            <se:Fill><se:SvgParameter name="fill">#141414</se:SvgParameter></se:Fill>
          </se:TextSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
`;
}
