/**
 * One writing tab: a fake of the Web Locks API and of BroadcastChannel (the semantics the
 * browser has: one holder, ifAvailable answers null at once, waiters are granted in order when
 * the holder releases, an aborted wait rejects) stand in for two tabs of one browser profile.
 */
import { describe, expect, test } from 'vitest';
import { acquireWriterLock, type ChannelLike, type LockManagerLike, type TabLockEnv } from '../../../src/app/persistence/tab-lock';

/** One lock manager per browser profile, shared by the tabs. */
class FakeLocks implements LockManagerLike {
  held = new Set<string>();
  private waiters = new Map<string, (() => void)[]>();

  async request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<void> {
    if (this.held.has(name)) {
      if (options.ifAvailable) return callback(null);
      await new Promise<void>((granted, reject) => {
        const queue = this.waiters.get(name) ?? [];
        const entry = () => granted();
        queue.push(entry);
        this.waiters.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          const q = this.waiters.get(name) ?? [];
          const i = q.indexOf(entry);
          if (i >= 0) q.splice(i, 1);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    }
    this.held.add(name);
    try {
      await callback({ name });
    } finally {
      this.held.delete(name);
      const next = this.waiters.get(name)?.shift();
      next?.();
    }
  }
}

/** BroadcastChannel: a message reaches every other open channel of the hub. */
class Hub {
  private channels = new Set<{ listeners: ((e: { data: unknown }) => void)[] }>();
  open(): ChannelLike {
    const self = { listeners: [] as ((e: { data: unknown }) => void)[] };
    this.channels.add(self);
    return {
      postMessage: (data) => {
        for (const c of this.channels) if (c !== self) for (const l of c.listeners) queueMicrotask(() => l({ data: structuredClone(data) }));
      },
      addEventListener: (_type, l) => void self.listeners.push(l),
      close: () => void this.channels.delete(self),
    };
  }
}

function memorySession(): NonNullable<TabLockEnv['session']> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
}

function profile() {
  const locks = new FakeLocks();
  const hub = new Hub();
  /** A tab: its own sessionStorage (sessionStorage survives a reload of the same tab). */
  const tab = (session = memorySession(), waits: Partial<TabLockEnv> = {}): TabLockEnv => ({ locks, channel: () => hub.open(), session, settleWaitMs: 50, takeOverWaitMs: 200, ...waits });
  return { locks, tab };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('one writing tab', () => {
  test('the first tab holds the lock; a second tab does not', async () => {
    const { tab } = profile();
    const first = await acquireWriterLock(tab());
    const second = await acquireWriterLock(tab());
    expect(first.held).toBe(true);
    expect(second.held).toBe(false);
  });

  test('take-over: the holder finishes its writes before the lock moves, and stops saving', async () => {
    const { tab, locks } = profile();
    const first = await acquireWriterLock(tab());
    const secondSession = memorySession();
    const second = await acquireWriterLock(tab(secondSession));
    const order: string[] = [];
    first.onTakenOver(async () => {
      order.push('holder stops');
      await sleep(30); // the last write
      order.push('holder done');
    });
    await second.takeOver();
    order.push('second holds');
    expect(order).toEqual(['holder stops', 'holder done', 'second holds']);
    expect(locks.held.has('catchment-studio-writer')).toBe(true);
    // The reload of the second tab (same sessionStorage) finds the lock its old page holds and waits for it.
    expect(secondSession.getItem('catchment-studio-took-over')).toBe('1');
  });

  test('a reload whose old page lets go a moment late still gets the lock', async () => {
    const locks = new FakeLocks();
    const hub = new Hub();
    let releaseOld!: () => void;
    void locks.request('catchment-studio-writer', {}, () => new Promise<void>((r) => (releaseOld = r)));
    setTimeout(() => releaseOld(), 20);
    const reloaded = await acquireWriterLock({ locks, channel: () => hub.open(), session: memorySession(), settleWaitMs: 500 });
    expect(reloaded.held).toBe(true);
  });

  test('a tab that holds the lock past the wait keeps it: the newcomer does not write', async () => {
    const { tab } = profile();
    await acquireWriterLock(tab());
    const started = Date.now();
    const second = await acquireWriterLock(tab(memorySession(), { settleWaitMs: 80 }));
    expect(second.held).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });

  test('without the Web Locks API every tab writes (as before)', async () => {
    const hub = new Hub();
    const a = await acquireWriterLock({ locks: null, channel: () => hub.open(), session: null });
    const b = await acquireWriterLock({ locks: null, channel: () => hub.open(), session: null });
    expect([a.held, b.held]).toEqual([true, true]);
  });

  test('a second take-over request to a holder that already handed over is ignored', async () => {
    const { tab } = profile();
    const first = await acquireWriterLock(tab());
    let stops = 0;
    first.onTakenOver(async () => void stops++);
    const second = await acquireWriterLock(tab());
    const third = await acquireWriterLock(tab());
    await second.takeOver();
    // The third asks too: the first is gone, the second holds for good (its page reloads).
    const asked = third.takeOver();
    await sleep(50);
    expect(stops).toBe(1);
    void asked;
  });
});
