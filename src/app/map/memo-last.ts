/**
 * Remembers the last call: returns the previous result while every argument is the same
 * (===) as last time. Layer builders use it so deck.gl receives the same `data` object, and
 * so skips re-processing, until its inputs really change.
 */
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A): R => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => a === args[i])) return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}
