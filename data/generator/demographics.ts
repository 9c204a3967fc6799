/**
 * Demographic profiles of the district types and the per-cell count generator.
 * Shares are fractions (0–1): age bands of the whole population, education and income
 * classes of the population aged 18+, employment of the whole population, tenure of households.
 * The contrasts follow what the literature reports for Finnish cities (Vaattovaara &
 * Kortteinen 2003; Bernelius & Vaattovaara 2016): concentrations of low income,
 * unemployment, basic education only, rental housing and foreign-language speakers in
 * some 1960–1990 rental-block suburbs; high income and higher education in owner-occupied
 * and seaside areas.
 */
import { multinomial, type Rng } from './prng';

export type DemoType = 'centre' | 'rental' | 'owner' | 'seaside' | 'detached' | 'rural';
export const DEMO_TYPES: DemoType[] = ['centre', 'rental', 'owner', 'seaside', 'detached', 'rural'];

export interface Profile {
  /** he_0_2, he_3_6, he_7_12, he_13_15, he_16_17 as shares of he_vakiy. */
  ages: number[];
  /** ko_perus, ko_yliop, ko_ammat, ko_al_kork, ko_yl_kork as shares of ko_ika18y. */
  education: number[];
  /** hr_pi_tul, hr_ke_tul, hr_hy_tul as shares of hr_tuy. */
  income: number[];
  /** Employed and unemployed as shares of pt_vakiy (= he_vakiy). */
  employed: number;
  unemployed: number;
  /** Persons per household. */
  householdSize: number;
  /** te_omis_as, te_vuok_as, te_muu_as as shares of te_taly. */
  tenure: number[];
  /** vieraskielisia as a share of he_vakiy. */
  foreign: number;
}

export const PROFILES: Record<DemoType, Profile> = {
  centre: { ages: [0.025, 0.026, 0.032, 0.015, 0.01], education: [0.1, 0.13, 0.18, 0.19, 0.4], income: [0.22, 0.5, 0.28], employed: 0.55, unemployed: 0.05, householdSize: 1.6, tenure: [0.42, 0.53, 0.05], foreign: 0.11 },
  rental: { ages: [0.036, 0.05, 0.072, 0.034, 0.022], education: [0.32, 0.07, 0.39, 0.13, 0.09], income: [0.38, 0.56, 0.06], employed: 0.4, unemployed: 0.1, householdSize: 1.9, tenure: [0.3, 0.65, 0.05], foreign: 0.24 },
  owner: { ages: [0.04, 0.058, 0.08, 0.035, 0.022], education: [0.12, 0.08, 0.28, 0.25, 0.27], income: [0.14, 0.61, 0.25], employed: 0.52, unemployed: 0.04, householdSize: 2.4, tenure: [0.7, 0.27, 0.03], foreign: 0.09 },
  seaside: { ages: [0.026, 0.046, 0.076, 0.04, 0.026], education: [0.08, 0.1, 0.11, 0.21, 0.5], income: [0.09, 0.39, 0.52], employed: 0.5, unemployed: 0.02, householdSize: 2.3, tenure: [0.84, 0.13, 0.03], foreign: 0.05 },
  detached: { ages: [0.03, 0.05, 0.08, 0.04, 0.026], education: [0.15, 0.06, 0.37, 0.24, 0.18], income: [0.12, 0.6, 0.28], employed: 0.52, unemployed: 0.04, householdSize: 2.6, tenure: [0.88, 0.09, 0.03], foreign: 0.05 },
  rural: { ages: [0.025, 0.04, 0.07, 0.038, 0.025], education: [0.22, 0.04, 0.44, 0.18, 0.12], income: [0.18, 0.66, 0.16], employed: 0.48, unemployed: 0.06, householdSize: 2.4, tenure: [0.84, 0.1, 0.06], foreign: 0.03 },
};

/** Sensitivity of each share to the disadvantage score z: share × exp(beta · z), then renormalised. */
const BETA = {
  education: [0.35, 0, 0, -0.15, -0.35],
  income: [0.4, 0, -0.4],
  employed: -0.08,
  unemployed: 0.4,
  tenure: [-0.15, 0.3, 0],
  foreign: 0.5,
};

/** Count fields of units.fgb, in file order (Statistics Finland names). */
export const COUNT_FIELDS = [
  'he_vakiy', 'he_0_2', 'he_3_6', 'he_7_12', 'he_13_15', 'he_16_17', 'ko_ika18y', 'ko_perus', 'ko_yliop', 'ko_ammat', 'ko_al_kork', 'ko_yl_kork',
  'hr_tuy', 'hr_pi_tul', 'hr_ke_tul', 'hr_hy_tul', 'pt_vakiy', 'pt_tyoll', 'pt_tyott', 'te_taly', 'te_omis_as', 'te_vuok_as', 'te_muu_as', 'vieraskielisia',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** Weighted mean of the type profiles (weights need not sum to 1, must not all be 0). */
export function mixProfile(weights: Record<DemoType, number>): Profile {
  let total = 0;
  for (const t of DEMO_TYPES) total += weights[t];
  const mix = (get: (p: Profile) => number) => DEMO_TYPES.reduce((s, t) => s + (weights[t] / total) * get(PROFILES[t]), 0);
  const p0 = PROFILES.centre;
  return {
    ages: p0.ages.map((_, i) => mix((p) => p.ages[i])),
    education: p0.education.map((_, i) => mix((p) => p.education[i])),
    income: p0.income.map((_, i) => mix((p) => p.income[i])),
    employed: mix((p) => p.employed),
    unemployed: mix((p) => p.unemployed),
    householdSize: mix((p) => p.householdSize),
    tenure: p0.tenure.map((_, i) => mix((p) => p.tenure[i])),
    foreign: mix((p) => p.foreign),
  };
}

function tilt(shares: number[], beta: number[], z: number): number[] {
  const raw = shares.map((s, i) => s * Math.exp(beta[i] * z));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
}

/**
 * Counts for one cell of `pop` inhabitants with profile `p` and disadvantage score `z`
 * (about -2 … 2). Consistent by construction: age bands + adults = he_vakiy, education
 * classes = ko_ika18y = hr_tuy = income classes, employed + unemployed ≤ pt_vakiy = he_vakiy,
 * tenure classes = te_taly, vieraskielisia ≤ he_vakiy.
 */
export function cellCounts(rng: Rng, pop: number, p: Profile, z: number): Record<CountField, number> {
  const ageShares = [...p.ages, Math.max(0.5, 1 - p.ages.reduce((a, b) => a + b, 0))];
  const [a0, a1, a2, a3, a4, adults] = multinomial(rng, pop, ageShares);
  const edu = multinomial(rng, adults, tilt(p.education, BETA.education, z));
  const inc = multinomial(rng, adults, tilt(p.income, BETA.income, z));
  const employedShare = Math.min(0.7, p.employed * Math.exp(BETA.employed * z));
  const unemployedShare = Math.min(0.25, p.unemployed * Math.exp(BETA.unemployed * z));
  const employed = rng.binomial(pop, employedShare);
  const unemployed = rng.binomial(pop - employed, unemployedShare / (1 - employedShare));
  const households = Math.min(pop, Math.max(1, Math.round((pop / p.householdSize) * Math.exp(0.08 * rng.normal()))));
  const ten = multinomial(rng, households, tilt(p.tenure, BETA.tenure, z));
  const foreignShare = Math.min(0.6, p.foreign * Math.exp(BETA.foreign * z));
  return {
    he_vakiy: pop, he_0_2: a0, he_3_6: a1, he_7_12: a2, he_13_15: a3, he_16_17: a4,
    ko_ika18y: adults, ko_perus: edu[0], ko_yliop: edu[1], ko_ammat: edu[2], ko_al_kork: edu[3], ko_yl_kork: edu[4],
    hr_tuy: adults, hr_pi_tul: inc[0], hr_ke_tul: inc[1], hr_hy_tul: inc[2],
    pt_vakiy: pop, pt_tyoll: employed, pt_tyott: unemployed,
    te_taly: households, te_omis_as: ten[0], te_vuok_as: ten[1], te_muu_as: ten[2],
    vieraskielisia: rng.binomial(pop, foreignShare),
  };
}

/** Statistics Finland's rule: below 10 inhabitants only he_vakiy is published, the rest is -1. */
export function suppress(counts: Record<CountField, number>, threshold = 10): Record<CountField, number> {
  if (counts.he_vakiy >= threshold) return counts;
  const out = { ...counts };
  for (const f of COUNT_FIELDS) if (f !== 'he_vakiy') out[f] = -1;
  return out;
}
