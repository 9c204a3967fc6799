/**
 * The walkable links as a compact undirected graph in typed arrays. Every vertex of a link is a
 * node (vertices with coordinates equal to 1 mm are one node, so links join only where they share
 * a vertex; links that cross without one — bridges, tunnels — stay apart); every pair of
 * consecutive vertices is an edge with its planar EPSG:3067 length. Interior vertices of degree
 * two change no distance, so they are kept rather than contracted.
 */
import { NodeIndex } from './node-index';
import type { StreetLinks } from './street-links';

export interface StreetGraph {
  nodeCount: number;
  nodeX: Float64Array;
  nodeY: Float64Array;
  edgeCount: number;
  edgeA: Int32Array;
  edgeB: Int32Array;
  /** Planar length of each edge, metres. */
  edgeLength: Float64Array;
  /** Adjacency (CSR): the edges of node n are adjEdge[adjStart[n] … adjStart[n+1]−1]. */
  adjStart: Int32Array;
  adjEdge: Int32Array;
  /** Connected component of each node (0 … componentCount−1). */
  component: Int32Array;
  componentCount: number;
  /** The link each edge belongs to (index in StreetLinks); absent for graphs assembled from bare edges. */
  edgeLink?: Int32Array;
}

/** Builds the graph of the links (O(vertices)). */
export function buildStreetGraph(links: StreetLinks): StreetGraph {
  const vertexCount = links.xy.length / 2;
  const index = new NodeIndex(vertexCount);
  const ea: number[] = [];
  const eb: number[] = [];
  const el: number[] = [];
  for (let l = 0; l < links.count; l++) {
    let prev = -1;
    for (let v = links.linkStart[l]; v < links.linkStart[l + 1]; v++) {
      const n = index.node(links.xy[2 * v], links.xy[2 * v + 1]);
      if (prev >= 0 && n !== prev) {
        ea.push(prev);
        eb.push(n);
        el.push(l);
      }
      prev = n;
    }
  }
  const nodeX = Float64Array.from(index.xs);
  const nodeY = Float64Array.from(index.ys);
  return { ...assembleGraph(nodeX, nodeY, Int32Array.from(ea), Int32Array.from(eb)), edgeLink: Int32Array.from(el) };
}

/** Graph from node coordinates and edge end lists (lengths, adjacency and components computed). */
export function assembleGraph(nodeX: Float64Array, nodeY: Float64Array, edgeA: Int32Array, edgeB: Int32Array): StreetGraph {
  const nodeCount = nodeX.length;
  const edgeCount = edgeA.length;
  const edgeLength = new Float64Array(edgeCount);
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    edgeLength[e] = Math.hypot(nodeX[edgeB[e]] - nodeX[edgeA[e]], nodeY[edgeB[e]] - nodeY[edgeA[e]]);
    adjStart[edgeA[e] + 1]++;
    adjStart[edgeB[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] += adjStart[n];
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    adjEdge[fill[edgeA[e]]++] = e;
    adjEdge[fill[edgeB[e]]++] = e;
  }
  const { component, componentCount } = components(nodeCount, edgeA, edgeB, adjStart, adjEdge);
  return { nodeCount, nodeX, nodeY, edgeCount, edgeA, edgeB, edgeLength, adjStart, adjEdge, component, componentCount };
}

/** The node at the other end of edge e from node n. */
export function otherEnd(g: StreetGraph, e: number, n: number): number {
  return g.edgeA[e] === n ? g.edgeB[e] : g.edgeA[e];
}

function components(nodeCount: number, edgeA: Int32Array, edgeB: Int32Array, adjStart: Int32Array, adjEdge: Int32Array): { component: Int32Array; componentCount: number } {
  const component = new Int32Array(nodeCount).fill(-1);
  const stack = new Int32Array(nodeCount);
  let count = 0;
  for (let start = 0; start < nodeCount; start++) {
    if (component[start] >= 0) continue;
    let top = 0;
    stack[top++] = start;
    component[start] = count;
    while (top > 0) {
      const n = stack[--top];
      for (let k = adjStart[n]; k < adjStart[n + 1]; k++) {
        const e = adjEdge[k];
        const m = edgeA[e] === n ? edgeB[e] : edgeA[e];
        if (component[m] < 0) {
          component[m] = count;
          stack[top++] = m;
        }
      }
    }
    count++;
  }
  return { component, componentCount: count };
}
