/**
 * Reads a QML document the way QGIS 3 does for what our exports rely on, and lists what QGIS
 * would not accept. Modelled on QGIS's readers (qgis/QGIS: QgsCategorizedSymbolRenderer::create,
 * QgsSymbolLayerUtils::loadSymbols/loadSymbol/loadSymbolLayer/parseProperties,
 * QgsVectorLayer's "labelsEnabled" root attribute, QgsVectorLayerSimpleLabeling /
 * QgsPalLayerSettings::readXml): the renderer needs <symbols> and <categories>; a category
 * whose symbol name has no symbol is dropped; a symbol needs a known type and at least one
 * <layer>; a layer's properties come from <Option type="Map"> (QGIS ≥ 3.x) or <prop k v>
 * (older); labels show when the root says labelsEnabled="1" and the simple labeling names a field.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface QmlCategory {
  value: string;
  label: string;
  render: boolean;
  /** Properties of the symbol's first layer (color, outline_color, …), from Option or prop. */
  layerClass: string;
  props: Record<string, string>;
  symbolType: string;
}

export interface QmlReading {
  problems: string[];
  rendererType: string;
  attr: string;
  categories: QmlCategory[];
  labelsEnabled: boolean;
  labelField: string | null;
  labelIsExpression: boolean;
  geometryType: string | null;
}

type El = Record<string, unknown>;
const list = (v: unknown): El[] => (v === undefined ? [] : Array.isArray(v) ? (v as El[]) : [v as El]);
const attr = (e: El | undefined, name: string): string | undefined => (e?.[`@${name}`] as string | undefined);

/** Properties of a symbol layer as QgsSymbolLayerUtils::parseProperties reads them. */
function layerProps(layer: El): Record<string, string> {
  const map = list(layer.Option).find((o) => attr(o, 'type') === 'Map');
  if (map) return Object.fromEntries(list(map.Option).map((o) => [attr(o, 'name') ?? '', attr(o, 'value') ?? '']));
  return Object.fromEntries(list(layer.prop).map((p) => [attr(p, 'k') ?? '', attr(p, 'v') ?? '']));
}

export function readQml(qml: string): QmlReading {
  const problems: string[] = [];
  const valid = XMLValidator.validate(qml);
  if (valid !== true) problems.push(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  if (!/^<!DOCTYPE qgis /.test(qml)) problems.push('no <!DOCTYPE qgis …> first');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false, parseTagValue: false }).parse(qml) as El;
  const root = doc.qgis as El | undefined;
  if (!root) problems.push('the root element is not <qgis>');
  const renderer = root?.['renderer-v2'] as El | undefined;
  if (!renderer) problems.push('no <renderer-v2>');
  const symbolsEl = renderer?.symbols as El | undefined;
  const catsEl = renderer?.categories as El | undefined;
  if (!symbolsEl) problems.push('<renderer-v2> has no <symbols>: QGIS returns no renderer');
  if (!catsEl) problems.push('<renderer-v2> has no <categories>: QGIS returns no renderer');
  const symbols = new Map(list(symbolsEl?.symbol).map((s) => [attr(s, 'name') ?? '', s]));
  const categories: QmlCategory[] = [];
  for (const c of list(catsEl?.category)) {
    const symbol = symbols.get(attr(c, 'symbol') ?? '');
    if (!symbol) {
      problems.push(`category "${attr(c, 'value')}" names symbol "${attr(c, 'symbol')}", which does not exist: QGIS drops it`);
      continue;
    }
    const type = attr(symbol, 'type') ?? '';
    if (!['fill', 'line', 'marker'].includes(type)) problems.push(`symbol "${attr(symbol, 'name')}" has unknown type "${type}"`);
    const layers = list(symbol.layer);
    if (layers.length === 0) problems.push(`symbol "${attr(symbol, 'name')}" has no <layer>: QGIS loads no symbol`);
    categories.push({
      value: attr(c, 'value') ?? '',
      label: attr(c, 'label') ?? '',
      render: attr(c, 'render') !== 'false',
      layerClass: attr(layers[0], 'class') ?? '',
      props: layers[0] ? layerProps(layers[0]) : {},
      symbolType: type,
    });
  }
  const labeling = root?.labeling as El | undefined;
  const textStyle = (labeling?.settings as El | undefined)?.['text-style'] as El | undefined;
  const rendering = (labeling?.settings as El | undefined)?.rendering as El | undefined;
  if (labeling && attr(labeling, 'type') !== 'simple') problems.push(`labeling type "${attr(labeling, 'type')}" is not "simple"`);
  if (attr(rendering, 'drawLabels') === '0') problems.push('rendering drawLabels="0" hides the labels');
  return {
    problems,
    rendererType: attr(renderer, 'type') ?? '',
    attr: attr(renderer, 'attr') ?? '',
    categories,
    labelsEnabled: attr(root, 'labelsEnabled') === '1',
    labelField: attr(textStyle, 'fieldName') ?? null,
    labelIsExpression: attr(textStyle, 'isExpression') === '1',
    geometryType: root?.layerGeometryType === undefined ? null : String(root.layerGeometryType),
  };
}
