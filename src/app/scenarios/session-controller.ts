/**
 * Start-up and keeping the session: opens storage (IndexedDB, or memory with a named problem),
 * hands the stored scenarios to the worker before the dataset finishes loading, restores where
 * the user was (scenario, network, selected school, colour mode, map camera), then saves every
 * edit right after the worker answers and the session (debounced) whenever it changes.
 * The document store counts the whole start-up as in flight, so the test hook is ready only
 * once everything is restored.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapView } from '../map/map-view';
import type { SaveQueue } from '../persistence/save-queue';
import { otherTabProblem, storageProblem, takenOverProblem, type ScenarioStorage, type StoredData } from '../persistence/scenario-storage';
import { acquireWriterLock, type WriterLock } from '../persistence/tab-lock';
import type { AppStores } from '../stores/app-stores';
import type { BundleSource } from '../workers/engine-protocol';
import type { ScenarioApi, SessionRecord } from './scenario-protocol';
import { trackDocument, type ScenarioStore } from './scenario-store';
import { chooseDataset, restorableUi, sessionRecord, validCamera, type DatasetRequest } from './session-state';

export interface SessionOptions {
  stores: AppStores;
  scenarios: ScenarioStore;
  api: ScenarioApi;
  queue: SaveQueue;
  source: BundleSource | null;
  getMap: () => MapView | null;
  /** Name of the first scenario on a first visit. */
  defaultName: string;
  openStorage: () => Promise<ScenarioStorage>;
  /** Give up on storage after this long (a blocked database never answers); default 15000 ms: a busy machine can take several seconds to start the worker and open IndexedDB. */
  storageTimeoutMs?: number;
  /** What the page address asks to open (`?dataset=`, `?bundle=`). */
  request?: DatasetRequest;
  /** The one-writing-tab lock; default: the Web Locks API (persistence/tab-lock.ts). */
  acquireLock?: () => Promise<WriterLock>;
  /** Reloads the page (after taking the work over from another tab); default location.reload(). */
  reload?: () => void;
}

/**
 * Resolves after `ms` of waiting during which the page could have answered: time spent in long
 * main-thread tasks (the first load's parsing and WebGL set-up, seconds on a busy machine) counts
 * at most 250 ms per check, so a slow start is not mistaken for a database blocked by another tab.
 */
function responsiveTimeout(ms: number, step = 100): Promise<void> {
  return new Promise((resolve) => {
    let waited = 0;
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      waited += Math.min(now - last, 250);
      last = now;
      if (waited >= ms) resolve();
      else setTimeout(tick, step);
    };
    setTimeout(tick, step);
  });
}

async function openWithTimeout(open: () => Promise<ScenarioStorage>, ms: number): Promise<{ storage: ScenarioStorage | null; data: StoredData; problem: ReturnType<typeof storageProblem> | null }> {
  const empty = { records: [], sessions: [] };
  try {
    const storage = await Promise.race([
      open(),
      responsiveTimeout(ms).then(() => {
        throw Object.assign(new Error(`no answer in ${ms / 1000} s (blocked by another tab?)`), { name: 'StorageBlockedError' });
      }),
    ]);
    return { storage, data: await storage.loadAll(), problem: null };
  } catch (error) {
    return { storage: null, data: empty, problem: storageProblem(error) };
  }
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves with the MapLibre map once it exists and has loaded (or after `ms`). */
async function loadedMap(getMap: () => MapView | null, ms = 10_000): Promise<MapLibreMap | null> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const map = getMap()?.map;
    if (map?.loaded()) return map;
    await new Promise((r) => setTimeout(r, 50));
  }
  return getMap()?.map ?? null;
}

export interface SessionHandle {
  /** Saves the session now and waits until every edit and the session are written. */
  flush(): Promise<void>;
}

/** Starts the session; resolves when the app is where the user left it. */
export async function startScenarioSession(o: SessionOptions): Promise<SessionHandle> {
  const { stores, scenarios, api } = o;
  const doc = stores.document;
  await trackDocument(doc, async () => {
    const opened = await openWithTimeout(o.openStorage, o.storageTimeoutMs ?? 15_000);
    // The user's own (imported) data when they were last on them, else the bundle (session-state.ts).
    const source = chooseDataset(o.source, o.request ?? {}, opened.data);
    const loading = source ? doc.getState().load(source) : Promise.resolve();
    await attachWriter(o, opened.storage, opened.problem);
    await api.prime({ ...opened.data, defaultName: o.defaultName });
    await loading;
    if (doc.getState().status !== 'ready' && source && 'storedHash' in source && o.source) {
      // The kept data could not be read: open the sample city and say why.
      const problems = doc.getState().problems;
      await doc.getState().load(o.source);
      scenarios.setState({ notice: { tone: 'warning', title: 'scenarios.notice.storedDatasetFailed', problems } });
    }
    if (doc.getState().status !== 'ready') return;
    const change = await api.pull();
    scenarios.getState().absorb(change);
    if (change.state.problems.length > 0) scenarios.setState({ notice: { tone: 'warning', title: 'scenarios.notice.restoreProblems', problems: change.state.problems } });
    await restoreSession(o, change.state.session);
  });
  const saveNow = keepSession(o);
  return {
    async flush() {
      saveNow();
      await scenarios.getState().sync();
      await scenarios.getState().flush();
    },
  };
}

/**
 * Saves through `storage` only while this tab holds the writer lock. Another tab holding it:
 * memory mode with a banner that offers to take over. Another tab taking over later: the
 * queued writes finish, then memory mode.
 */
async function attachWriter(o: SessionOptions, storage: ScenarioStorage | null, problem: ReturnType<typeof storageProblem> | null): Promise<void> {
  const { queue, scenarios } = o;
  if (!storage || storage.kind !== 'indexeddb') {
    queue.attach(storage, problem);
    return;
  }
  const lock = await (o.acquireLock ?? (() => acquireWriterLock()))();
  if (!lock.held) {
    queue.attach(null, otherTabProblem());
    const reload = o.reload ?? (() => location.reload());
    scenarios.setState({
      takeOver: async () => {
        await lock.takeOver();
        reload();
      },
    });
    return;
  }
  queue.attach(storage, problem);
  lock.onTakenOver(() => queue.detach(takenOverProblem()));
}

async function restoreSession(o: SessionOptions, session: SessionRecord | null): Promise<void> {
  if (!session) return;
  const doc = o.stores.document;
  const summary = doc.getState().summary;
  if (session.networkId && summary?.networks.some((n) => n.id === session.networkId) && doc.getState().networkId !== session.networkId) {
    await doc.getState().setNetwork(session.networkId);
  }
  const schoolIds = summary?.networks.flatMap((n) => n.schools.map((s) => s.id)) ?? [];
  const ui = restorableUi(session.ui ?? {}, o.stores.ui.getState(), schoolIds);
  if (Object.keys(ui).length > 0) o.stores.ui.setState(ui);
  const camera = validCamera(session.view);
  if (!camera) return;
  const map = await loadedMap(o.getMap);
  // Let the map canvas fit the dataset first (it does on load), then put the camera back.
  await nextFrame();
  await nextFrame();
  map?.jumpTo({ center: camera.center, zoom: camera.zoom });
}

/** Saves edits as soon as the worker has made them and the session whenever it changes; returns "save the session now". */
function keepSession(o: SessionOptions): () => void {
  const { stores, scenarios, queue } = o;
  let syncing = false;
  let again = false;
  const sync = async () => {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    try {
      do {
        again = false;
        await scenarios.getState().sync();
      } while (again);
    } finally {
      syncing = false;
    }
  };
  stores.document.subscribe((s, prev) => {
    if (s.views !== prev.views || s.editCount !== prev.editCount || s.canUndo !== prev.canUndo || s.canRedo !== prev.canRedo) void sync();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const host = scenarios.getState().host;
    if (!host) return;
    const map = o.getMap()?.map;
    const c = map?.getCenter();
    const view = map && c ? { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() } : null;
    queue.saveSession(sessionRecord(host.datasetHash, host.activeId, stores.document.getState().networkId, stores.ui.getState(), view, new Date().toISOString()));
  };
  const saveSession = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(write, 250);
  };
  stores.document.subscribe((s, prev) => s.networkId !== prev.networkId && saveSession());
  stores.ui.subscribe((s, prev) => {
    if (s.selectedSchoolId !== prev.selectedSchoolId || s.selectedShareId !== prev.selectedShareId || s.cellMeasureId !== prev.cellMeasureId || s.showCatchments !== prev.showCatchments || s.showChanged !== prev.showChanged || (s as { colourBy?: unknown }).colourBy !== (prev as { colourBy?: unknown }).colourBy) saveSession();
  });
  scenarios.subscribe((s, prev) => s.host?.activeId !== prev.host?.activeId && saveSession());
  void loadedMap(o.getMap).then((map) => map?.on('moveend', saveSession));
  saveSession();
  return write;
}
