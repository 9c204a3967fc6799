/**
 * The optimiser inside the engine worker: runs src/core/optimiser on the active scenario's
 * engine in slices of ~20 ms, yielding to the worker's message loop between slices so that
 * "stop" (and snapshots) get through while it runs.
 */
import { fail } from '../../core/model/result';
import { optimise } from '../../core/optimiser/optimise';
import { DEFAULT_LIMITS } from '../../core/optimiser/optimiser-limits';
import { parseMeasure } from '../../core/optimiser/optimiser-measure';
import type { ScenarioEngine } from '../../core/scenario/scenario-engine';
import { travelDistancesOf } from '../travel/travel-registry';
import type { OptimiserApi } from './optimiser-protocol';

/** A macrotask yield: lets queued messages (stop) run between slices. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Indices of the units flagged 1. */
function changedUnits(flags: Uint8Array): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < flags.length; u++) if (flags[u]) out.push(u);
  return Int32Array.from(out);
}

export function createOptimiserApi(activeEngine: () => ScenarioEngine): OptimiserApi {
  let running = false;
  let stopRequested = false;
  return {
    async propose(request, onProgress) {
      if (running) return fail({ code: 'optimiser-busy', message: 'A proposal is already being computed.', fix: 'Stop it first, or wait until it ends.' });
      const measure = parseMeasure(request.measure);
      if (!measure.ok) return measure;
      running = true;
      stopRequested = false;
      const engine = activeEngine();
      const editsAtStart = engine.edits().length;
      const yearAtStart = engine.year;
      try {
        const r = await optimise(
          {
            engine, networkId: request.networkId, measure: measure.value,
            // The trips the travel figures use (street distances when a street network is loaded).
            distances: travelDistancesOf(engine, request.networkId) ?? undefined,
            limits: {
              ...DEFAULT_LIMITS, maxRezonedShare: request.maxRezonedShare, maxTripIncreaseShare: request.maxTripIncreaseShare,
              maxTripIncreaseMetres: request.maxTripIncreaseMetres, utilisation: request.utilisation, lockedSchoolIds: request.lockedSchoolIds, lockedAreas: request.lockedAreas ?? [],
              lockedUnits: request.lockChanged ? changedUnits(engine.unitChanged(request.networkId)) : undefined,
            },
          },
          {
            seconds: request.seconds, seed: request.seed, progressMs: 500, pause: yieldToMessages, shouldStop: () => stopRequested,
            onProgress: (p) => {
              const moved = new Uint8Array(p.states.length);
              for (let u = 0; u < moved.length; u++) moved[u] = p.states[u] >= 0 ? 1 : 0;
              onProgress({ fraction: p.fraction, seconds: p.seconds, startMeasure: p.startMeasure, bestMeasure: p.bestMeasure, bestRezonedShare: p.bestRezonedShare, moved });
            },
          },
        );
        if (!r.ok) return r;
        if (activeEngine() !== engine || engine.edits().length !== editsAtStart || engine.year !== yearAtStart) {
          return fail({ code: 'optimiser-start-changed', message: 'The scenario changed while the proposal was computed, so the plan no longer fits it.', fix: 'Propose again without editing meanwhile.' });
        }
        return { ok: true, warnings: [], value: { edits: r.value.edits, figures: r.value.figures, stopped: r.value.stopped, seconds: r.value.seconds } };
      } finally {
        running = false;
      }
    },
    async stop() {
      stopRequested = true;
    },
  };
}
