/**
 * The CLI's numbers on Tiny City, worked out by hand from tests/fixtures/tiny-city/README.md.
 * School A owns columns 0–1, school B columns 2–3; four rows; per cell in column c (row r):
 * children 10 + 5c, foreign-language share 10c/100, basic-education share (10 + 5c)/80,
 * unemployed (5 + 5c)/(45 + 5c), low income (10 + 10r)/80, rental (10 + 10c)/50.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { captureIo, TINY, tinyArgs } from './cli-test-io';

async function indicatorsJson(extra: string[] = []) {
  const io = captureIo();
  const code = await runCli(['indicators', ...tinyArgs(), '--network', 'fi-lower', '--format', 'json', ...extra], io);
  expect(io.err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(io.out);
}

describe('cli indicators on Tiny City', () => {
  it('prints children, utilisation and every share as worked out by hand', async () => {
    const out = await indicatorsJson();
    expect(out.network).toBe('fi-lower');
    const [A, B] = ['A', 'B'].map((id) => out.schools.find((s: { id: string }) => s.id === id));
    expect(A.children).toBeCloseTo(4 * (10 + 15), 9);
    expect(B.children).toBeCloseTo(4 * (20 + 25), 9);
    expect(A.capacity).toBe(100);
    expect(A.utilisation).toBeCloseTo(100 / 100, 9);
    expect(B.utilisation).toBeCloseTo(180 / 80, 9);
    // A: 4 × (10·0 + 15·0.1) / 100; B: 4 × (20·0.2 + 25·0.3) / 180.
    expect(A.shares.foreign_language).toBeCloseTo(6 / 100, 12);
    expect(B.shares.foreign_language).toBeCloseTo(46 / 180, 12);
    // A: 4 × (10·10/80 + 15·15/80) / 100 = 0.1625; B: 4 × (20·20/80 + 25·25/80) / 180.
    expect(A.shares.basic_education_only).toBeCloseTo(0.1625, 12);
    expect(B.shares.basic_education_only).toBeCloseTo((4 * (5 + 7.8125)) / 180, 12);
    // A: 4 × (10·5/45 + 15·10/50) / 100; B: 4 × (20·15/55 + 25·20/60) / 180.
    expect(A.shares.unemployed).toBeCloseTo((4 * (10 / 9 + 3)) / 100, 12);
    expect(B.shares.unemployed).toBeCloseTo((4 * (60 / 11 + 25 / 3)) / 180, 12);
    // Low income varies by row only: each column averages (10 + 20 + 30 + 40)/4/80 = 0.3125.
    expect(A.shares.low_income).toBeCloseTo(0.3125, 12);
    expect(B.shares.low_income).toBeCloseTo(0.3125, 12);
    // Rental: A = 4 × (10·0.2 + 15·0.4)/100 = 0.32; B = 4 × (20·0.6 + 25·0.8)/180.
    expect(A.shares.rental).toBeCloseTo(0.32, 12);
    expect(B.shares.rental).toBeCloseTo(128 / 180, 12);
  });

  it('prints the two-group indices of the foreign-language share as worked out by hand', async () => {
    const out = await indicatorsJson();
    const fl = out.indices.foreign_language;
    // x = (6, 46), t = (100, 180), X = 52, T = 280, P = 52/280, y = (94, 134), Y = 228.
    const P = 52 / 280;
    const D = Math.abs(6 / 52 - 94 / 228); // ½ (|6/52 − 94/228| + |46/52 − 134/228|), both terms equal
    const isolation = (6 / 52) * (6 / 100) + (46 / 52) * (46 / 180);
    const exposure = (6 / 52) * (94 / 100) + (46 / 52) * (134 / 180);
    expect(fl.D).toBeCloseTo(D, 12);
    expect(fl.gini).toBeCloseTo(D, 12); // two schools: Gini = D
    expect(fl.isolation).toBeCloseTo(isolation, 12);
    expect(fl.exposure).toBeCloseTo(exposure, 12);
    expect(fl.eta2).toBeCloseTo((isolation - P) / (1 - P), 12);
    // Theil H = Σ t_j (E − E_j) / (E T), with E(p) = −p ln p − (1−p) ln(1−p).
    const E = (p: number) => (p <= 0 || p >= 1 ? 0 : -p * Math.log(p) - (1 - p) * Math.log(1 - p));
    expect(fl.H).toBeCloseTo((100 * (E(P) - E(0.06)) + 180 * (E(P) - E(46 / 180))) / (E(P) * 280), 12);
    // Atkinson b = 0.5: A = 1 − P/(1−P) · |Σ (1−p_j)^½ p_j^½ t_j / (P T)|².
    const atkinsonSum = (Math.sqrt(0.94 * 0.06) * 100 + Math.sqrt((134 / 180) * (46 / 180)) * 180) / (P * 280);
    expect(fl.atkinson_0_5).toBeCloseTo(1 - (P / (1 - P)) * atkinsonSum ** 2, 12);
    // Low income has the same share in both schools: no segregation.
    expect(out.indices.low_income.D).toBeCloseTo(0, 12);
    for (const key of ['D', 'M', 'H', 'normalized_exposure']) expect(out.multigroup.education).toHaveProperty(key);
  });

  it('hides figures resting on fewer people than the privacy threshold', async () => {
    // Threshold 150: A rests on 100 children (hidden), B on 180 (shown).
    const out = await indicatorsJson(['--privacy-threshold', '150']);
    const [A, B] = ['A', 'B'].map((id) => out.schools.find((s: { id: string }) => s.id === id));
    expect(A.children).toBeNull();
    expect(A.shares.foreign_language).toBeNull();
    expect(B.children).toBeCloseTo(180, 9);
  });

  it('prints one CSV row per school with the share columns', async () => {
    const io = captureIo();
    expect(await runCli(['indicators', '--bundle', TINY, '--network', 'fi-lower', '--format', 'csv'], io)).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('foreign_language');
    expect(lines.some((l) => l.includes('Länsikoulu'))).toBe(true);
  });
});
