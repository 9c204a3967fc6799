/**
 * The worker's ScenarioApi: ScenarioHost operations plus comparison and exports. Independent
 * of Comlink (the worker passes `transfer` so export bytes move instead of being copied).
 */
import { schoolAliases } from '../../core/export/anonymise';
import { ok } from '../../core/model/result';
import { CompareService } from '../compare/compare-service';
import { exportFile } from '../exports/export-service';
import type { ScenarioHost } from './scenario-host';
import type { ExportedFile, ScenarioApi } from './scenario-protocol';

export function createScenarioApi(host: ScenarioHost, transfer: (file: ExportedFile) => ExportedFile = (f) => f): ScenarioApi {
  const compare = new CompareService();
  return {
    async prime(input) {
      host.prime(input);
    },
    async state() {
      return host.state();
    },
    async pull() {
      return host.drain();
    },
    async create(name) {
      return host.create(name);
    },
    async duplicate(id, name) {
      return host.duplicate(id, name);
    },
    async update(id, changes) {
      return host.update(id, changes);
    },
    async remove(id, fallbackName) {
      return host.remove(id, fallbackName);
    },
    async activate(id) {
      return host.activate(id);
    },
    async prepare(id) {
      return host.prepare(id);
    },
    async exportScenario(id) {
      return host.exportScenario(id);
    },
    async importScenario(text) {
      return host.importScenario(text);
    },
    async compare(request) {
      return compare.compare(request, (id) => host.engineOf(id), host.activeEngine());
    },
    async exportFile(request) {
      const r = await exportFile(host.activeEngine(), host.activeScenario, request);
      return r.ok ? ok(transfer(r.value), r.warnings) : r;
    },
    async aliases(language) {
      return Object.fromEntries(schoolAliases(host.dataset.schools, language));
    },
  };
}
