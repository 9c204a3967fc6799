/**
 * Seeded damage to a file's bytes, for the tests that feed damaged files to the readers
 * (tests/core/load/mutated-files.test.ts, tests/cli/adversarial-inputs.test.ts): bytes
 * overwritten, the file cut short, a run of zeros, a chunk repeated, one structural byte changed.
 */

/** A small seeded generator (LCG): pick(n) is an integer in [0, n); every run damages the same way. */
export function seededPick(seed: number): (n: number) => number {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return (n: number) => Math.floor(next() * n);
}

export type Damage = 'bytes' | 'cut' | 'zeros' | 'repeat' | 'structural';

/** A damaged copy of `bytes` (the original is not changed). */
export function damage(bytes: Uint8Array, pick: (n: number) => number): { kind: Damage; bytes: Uint8Array } {
  const c = bytes.slice();
  switch (pick(5)) {
    case 0: {
      const k = 1 + pick(10);
      for (let i = 0; i < k; i++) c[pick(c.length)] = pick(256);
      return { kind: 'bytes', bytes: c };
    }
    case 1:
      return { kind: 'cut', bytes: c.subarray(0, pick(c.length)) };
    case 2: {
      const a = pick(c.length);
      c.fill(0, a, a + pick(64));
      return { kind: 'zeros', bytes: c };
    }
    case 3: {
      const a = pick(c.length);
      const e = Math.min(c.length, a + pick(200));
      const out = new Uint8Array(c.length + (e - a));
      out.set(c.subarray(0, e));
      out.set(c.subarray(a, e), e);
      out.set(c.subarray(e), 2 * e - a);
      return { kind: 'repeat', bytes: out };
    }
    default:
      // Bytes that carry structure in text formats (digits, signs, quotes, brackets) or binary ones.
      c[pick(c.length)] = [0x30, 0x2d, 0x2e, 0x22, 0x7b, 0x5d, 0xff, 0x00][pick(8)];
      return { kind: 'structural', bytes: c };
  }
}

/** Words that mean a JavaScript error leaked into a message meant for the user. */
export const JS_INTERNALS = /Cannot read prop|is not a function|is not iterable|undefined|\[object|TypeError|RangeError|ReferenceError|internal error|\n\s+at /;
