/**
 * One writing tab per browser profile. Scenarios live in one IndexedDB database per origin;
 * two tabs that both saved would overwrite each other's edits (the last write of a scenario
 * wins). The first tab holds a Web Lock for as long as it is open and saves; a later tab
 * finds the lock taken, keeps working in memory and can ask to take over: the holder stops
 * saving, finishes its running write, and releases the lock; the new tab then reloads to read
 * what the holder saved. Messages between tabs go over a BroadcastChannel.
 * Without the Web Locks API (very old browsers) every tab writes, as before.
 */

export const WRITER_LOCK = 'catchment-studio-writer';
const CHANNEL = 'catchment-studio-tabs';
/** Set in sessionStorage before the reload that follows a take-over: the new page waits for the lock. */
const TOOK_OVER = 'catchment-studio-took-over';

/** The part of navigator.locks used here (a fake in unit tests). */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void>): Promise<void>;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export interface TabLockEnv {
  locks: LockManagerLike | null;
  channel: () => ChannelLike;
  session: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** How long a page opened by a take-over waits for the previous holder to let go, ms (5000). */
  takeOverWaitMs?: number;
  /** How long any other page waits for a lock that is not free at once, ms (1500). */
  settleWaitMs?: number;
}

export interface WriterLock {
  /** This tab may save. */
  readonly held: boolean;
  /**
   * Called (once) when another tab takes over. `stop` must stop writing and resolve when the
   * last write has finished; the lock is released after it.
   */
  onTakenOver(stop: () => Promise<void>): void;
  /** Asks the holder to hand over and resolves once this tab holds the lock (then reload). */
  takeOver(): Promise<void>;
}

type Message = { type: 'take-over' };

function browserEnv(): TabLockEnv {
  const locks = typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks as unknown as LockManagerLike) : null;
  let session: TabLockEnv['session'] = null;
  try {
    session = typeof sessionStorage !== 'undefined' ? sessionStorage : null;
  } catch {
    session = null;
  }
  return { locks, channel: () => new BroadcastChannel(CHANNEL) as unknown as ChannelLike, session };
}

/** Resolves with this tab's writer lock: held, or not (another tab holds it). */
export async function acquireWriterLock(env: TabLockEnv = browserEnv()): Promise<WriterLock> {
  const { locks } = env;
  if (!locks) return { held: true, onTakenOver: () => undefined, takeOver: async () => undefined };

  const tookOver = env.session?.getItem(TOOK_OVER) === '1';
  env.session?.removeItem(TOOK_OVER);
  // Taken at once, or after a short wait: on a reload the page being left may release its lock
  // a moment after this page asks, and right after a take-over the previous holder may still
  // be finishing its last write. A tab that really holds the lock keeps it past the wait.
  const waitMs = tookOver ? (env.takeOverWaitMs ?? 5000) : (env.settleWaitMs ?? 1500);
  const granted = (await hold(locks, { ifAvailable: true })) ?? (await hold(locks, { signal: timeoutSignal(waitMs) }));

  if (granted) {
    const channel = env.channel();
    let stop: (() => Promise<void>) | null = null;
    let handedOver = false;
    channel.addEventListener('message', (event) => {
      if ((event.data as Message | null)?.type !== 'take-over' || handedOver) return;
      handedOver = true;
      void (async () => {
        try {
          await stop?.();
        } finally {
          granted.release();
          channel.close();
        }
      })();
    });
    return {
      held: true,
      onTakenOver: (s) => void (stop = s),
      takeOver: async () => undefined,
    };
  }

  return {
    held: false,
    onTakenOver: () => undefined,
    async takeOver() {
      const channel = env.channel();
      const waiting = hold(locks, {});
      channel.postMessage({ type: 'take-over' } satisfies Message);
      await waiting;
      channel.close();
      env.session?.setItem(TOOK_OVER, '1');
    },
  };
}

interface Held {
  release(): void;
}

/**
 * Requests the lock and keeps it until release(); resolves null when it is not available
 * (ifAvailable) or the wait was aborted. The lock is also released when the page unloads.
 */
function hold(locks: LockManagerLike, options: { ifAvailable?: boolean; signal?: AbortSignal }): Promise<Held | null> {
  return new Promise<Held | null>((resolve) => {
    locks
      .request(WRITER_LOCK, options, (lock) => {
        if (!lock) {
          resolve(null);
          return Promise.resolve();
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch(() => resolve(null));
  });
}

function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}
