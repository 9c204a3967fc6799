/** Failures inside the import service come back as named problems with a fix, never as rejections. */
import { describe, expect, it } from 'vitest';
import { guardImportApi } from '../../../src/app/workers/import-guard';
import type { ImportApi } from '../../../src/app/workers/import-protocol';
import { clipExtentProblem } from '../../../src/core/geometry/clipper-io';
import { UserError } from '../../../src/core/model/result';

const throwing = (e: unknown) => (async () => { throw e; }) as never;

describe('guardImportApi', () => {
  it('a UserError becomes its own problem; any other error is import-failed naming the step', async () => {
    const api = guardImportApi({ check: throwing(new UserError(clipExtentProblem(3_000_000))), schools: throwing(new RangeError('Invalid array length')), reset: throwing(new Error('x')) } as unknown as ImportApi);
    const check = await api.check();
    expect(check.ok ? null : check.problems[0]).toMatchObject({ code: 'geometry-too-large' });
    expect(check.ok ? '' : check.problems[0].message).toContain('3000 km');
    const schools = await api.schools({ filter: null, overrides: {}, generate: true });
    expect(schools.ok ? null : schools.problems[0]).toMatchObject({ code: 'import-failed' });
    expect(schools.ok ? '' : schools.problems[0].message).toBe('Something went wrong in the Schools step: Invalid array length.');
    expect(schools.ok ? '' : schools.problems[0].fix).toContain('municipality');
    await expect(api.reset()).resolves.toBeUndefined();
  });
});
