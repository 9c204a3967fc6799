/**
 * Temporary premises on the map (issue 10, relocate-school): in the years of a relocation the
 * school's symbol stands at its temporary address (school-layer.ts), and these layers show where
 * it came from — a dashed dark line from its own address to the temporary one and a hollow ring
 * at its own address. Dark grey on white, told apart by shape (dash, ring), not by hue, so it
 * reads for colour-blind users and over any catchment colour. Created only when some school of
 * the network is in temporary premises in the selected year (no extra shader otherwise).
 */
import { PathStyleExtension } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { SchoolPoint } from './school-layer';

const LINE: [number, number, number, number] = [40, 40, 48, 230];
const HALO: [number, number, number, number] = [255, 255, 255, 200];

export interface TemporaryMove {
  id: string;
  /** Own address and temporary address, [longitude, latitude]. */
  home: [number, number];
  at: [number, number];
}

/** The schools of `points` that work at a temporary address in the year on view. */
export function temporaryMoves(points: readonly SchoolPoint[]): TemporaryMove[] {
  const out: TemporaryMove[] = [];
  for (const p of points) if (p.status === 'temporary-premises' && p.homeLonLat) out.push({ id: p.id, home: p.homeLonLat, at: p.lonLat });
  return out;
}

/** Bottom to top: white halo under the line, the dashed line, the ring at the own address; [] without moves. */
export function buildTemporaryPremisesLayers(points: readonly SchoolPoint[]): Layer[] {
  const moves = temporaryMoves(points);
  if (moves.length === 0) return [];
  const path = (d: TemporaryMove) => [d.home, d.at];
  return [
    new PathLayer<TemporaryMove>({ id: 'temporary-premises-halo', data: moves, getPath: path, getColor: HALO, getWidth: 5, widthUnits: 'pixels' }),
    new PathLayer<TemporaryMove>({
      id: 'temporary-premises-line', data: moves, getPath: path, getColor: LINE, getWidth: 2, widthUnits: 'pixels',
      getDashArray: [4, 3], dashJustified: true, extensions: [new PathStyleExtension({ dash: true })],
    } as ConstructorParameters<typeof PathLayer<TemporaryMove>>[0]),
    new ScatterplotLayer<TemporaryMove>({
      id: 'temporary-premises-home', data: moves, getPosition: (d) => d.home, stroked: true, filled: true,
      getFillColor: HALO, getLineColor: LINE, radiusUnits: 'pixels', getRadius: 5, lineWidthUnits: 'pixels', getLineWidth: 2,
    }),
  ] as Layer[];
}
