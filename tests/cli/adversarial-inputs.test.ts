/**
 * The second malformed-input corpus (tests/cli/corpus/): files of every reader and class —
 * properties of any shape, short reads, bounded time and memory, encodings, grid ids, catchment
 * checks, layers, options, bundles. Each case asserts the exit code, the problem code, that no
 * stack trace or "undefined" reaches the user, that nothing is printed to stdout when the input is
 * refused (the current work is untouched), and for files that must load, Tiny City's exact indicators.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { tinyArgs } from './cli-test-io';
import { corpus, type CorpusCase } from './corpus/corpus';
import { memoryIo } from './corpus/corpus-io';
import { damage, JS_INTERNALS, seededPick } from '../helpers/damage';

const cases = await corpus();
let baseline = '';
const seen: string[] = [];

beforeAll(async () => {
  const io = memoryIo({});
  expect(await runCli(['indicators', ...tinyArgs()], io)).toBe(0);
  baseline = io.out;
});

async function run(c: CorpusCase) {
  const io = memoryIo(c.files);
  const exit = await runCli([c.command ?? 'indicators', ...c.args], io);
  seen.push(io.err, c.command === 'validate' ? io.out : '');
  return { exit, io, all: io.out + io.err };
}

describe('adversarial corpus', () => {
  it('has at least 60 files across every class', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.cls)).size).toBeGreaterThanOrEqual(9);
  });
  for (const cls of [...new Set(cases.map((c) => c.cls))])
    describe(cls, () => {
      for (const c of cases.filter((x) => x.cls === cls))
        it(`${c.name} → exit ${c.exit}${c.code ? ` [${c.code}]` : ''}`, async () => {
          const { exit, io, all } = await run(c);
          expect(exit, all.slice(0, 600)).toBe(c.exit);
          if (c.code) expect(all).toContain(`[${c.code}]`);
          for (const m of c.mentions ?? []) expect(all).toContain(m);
          expect(all).not.toMatch(/undefined|internal error|\n\s+at /);
          if (c.exit !== 0) expect(io.out).toBe('');
          if (c.sameNumbers) expect(io.out).toBe(baseline);
        }, 20_000);
    });

  it('every message the corpus produced names its code and a fix, and none says "undefined"', () => {
    const lines = seen.join('\n').split('\n').filter((l) => /^(error|warning): /.test(l) || /^ {2}\S.*\[[a-z-]+\]$/.test(l));
    expect(lines.length).toBeGreaterThan(40);
    for (const l of lines) {
      expect(l).toMatch(/ Fix: .+\[[a-z0-9-]+\]$/);
      expect(l).not.toContain('undefined');
      expect(l).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

describe('random damage to files of every reader', () => {
  it('any damage (tests/helpers/damage.ts) gives exit 0 or 2 with named problems, never a stack trace or a JavaScript error text', async () => {
    const { enc, gj, tiny, schoolsGpkg, schoolShapefile, schoolsFgb, zip, gzip } = await import('./corpus/make-files');
    const bases: [string, Uint8Array][] = [
      ['s.geojson', enc(gj(tiny().schools))], ['s.fgb', schoolsFgb()], ['s.zip', zip(schoolShapefile())], ['s.gpkg', await schoolsGpkg()],
      ['s.csv', enc('id;name;language;grades;capacity;x;y\nA;Länsikoulu;fi;1-6;100;385250;6672500\nB;Itäkoulu;fi;1-6;80;385750;6672500\n')],
      ['s.geojson.gz', gzip(gj(tiny().schools))],
    ];
    const pick = seededPick(20261207);
    for (let k = 0; k < 120; k++) {
      const [name, base] = bases[k % bases.length];
      const { bytes } = damage(base, pick);
      const io = memoryIo({ [`/fuzz/${name}`]: bytes });
      const exit = await runCli(['indicators', ...tinyArgs({ schools: `/fuzz/${name}` })], io);
      expect([0, 2], `${k} ${name}: ${io.err.slice(0, 300)}`).toContain(exit);
      expect(io.out + io.err).not.toMatch(JS_INTERNALS);
      if (exit === 2) expect(io.err).toMatch(/^error: .* Fix: .*\[[a-z0-9-]+\]$/m);
    }
  }, 60_000);
});
