/**
 * Every failure of the import service reaches the wizard as a named problem with a fix: a
 * UserError thrown deep inside (e.g. a geometry too large for the clipper) becomes its problem,
 * and anything else (a bug, memory exhausted) becomes 'import-failed' naming the step, instead
 * of a rejected promise that would leave the wizard waiting.
 */
import { fail, UserError, type Problem, type Result } from '../../core/model/result';
import type { ImportApi } from './import-protocol';

const STEP: Record<keyof ImportApi, string> = {
  read: 'reading the file',
  reread: 'reading the file again',
  remove: 'removing the file',
  fields: 'listing the fields',
  applyFields: 'applying the fields',
  schools: 'the Schools step',
  check: 'the Check step',
  repair: 'the repair',
  undoRepair: 'undoing the repair',
  totals: 'the totals',
  finish: 'finishing the import',
  reset: 'resetting the import',
};

/** The problem a thrown value stands for. */
export function thrownProblem(e: unknown, step: string): Problem {
  if (e instanceof UserError) return e.problem;
  const text = e instanceof Error ? e.message : String(e);
  return {
    code: 'import-failed',
    message: `Something went wrong in ${step}${text ? `: ${text.slice(0, 200)}` : ''}.`,
    fix: 'Go back one step and try again; if it happens again, cut the files to your municipality first (a filter on the planning area and the schools) and report the problem with the files used.',
  };
}

/** The same API, with every method's exceptions turned into failed Results. */
export function guardImportApi(api: ImportApi): ImportApi {
  const guarded = {} as Record<string, unknown>;
  for (const name of Object.keys(STEP) as (keyof ImportApi)[]) {
    const method = api[name] as (...args: unknown[]) => Promise<unknown>;
    guarded[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (e) {
        if (name === 'remove' || name === 'reset') return undefined;
        return fail(thrownProblem(e, STEP[name])) as Result<never>;
      }
    };
  }
  return guarded as unknown as ImportApi;
}
