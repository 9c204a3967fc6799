/**
 * "Import data": an accessible modal dialog (native <dialog>) leading through files, coordinate
 * systems, fields, schools and the check. The current dataset stays until "Finish" succeeds;
 * "Cancel" drops everything read so far.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckStep } from './check-step';
import { CrsStep } from './crs-step';
import { FieldsStep } from './fields-step';
import { FileStep } from './file-step';
import { useImport, useImportStore } from './import-context';
import { canEnter, IMPORT_STEPS, progressText, type ImportStep } from './import-steps';
import type { ImportStore } from './import-store';
import { ProblemList } from './problem-list';
import { SchoolsStep } from './schools-step';
import './import.css';

export { ImportButton } from './import-button';

export function ImportWizard() {
  const store = useImportStore();
  const open = useImport(store, (s) => s.open);
  if (!store || !open) return null;
  return <WizardDialog store={store} />;
}

const BODIES: Record<ImportStep, (p: { store: ImportStore }) => React.ReactNode> = {
  files: FileStep,
  crs: CrsStep,
  fields: FieldsStep,
  schools: SchoolsStep,
  check: CheckStep,
};

function WizardDialog({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const state = useImport(store, (s) => s)!;
  const step = state.step;
  const index = IMPORT_STEPS.indexOf(step);
  const Body = BODIES[step];

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const next = IMPORT_STEPS[index + 1];
  const prev = IMPORT_STEPS[index - 1];
  const finishBlocked = step !== 'check' || !state.check || state.check.errors.length > 0;
  return (
    <dialog ref={dialog} className="import-dialog" aria-labelledby="import-title" onCancel={(e) => (e.preventDefault(), void store.getState().close())}>
      <header className="import-header">
        <h2 id="import-title">{t('import.title')}</h2>
        <ol className="import-steps">
          {IMPORT_STEPS.map((s, i) => (
            <li key={s} className={i < index ? 'done' : i === index ? 'current' : ''}>
              <button type="button" aria-current={s === step ? 'step' : undefined} disabled={!canEnter(state, s) || s === step} onClick={() => void store.getState().goTo(s)}>
                <span className="step-number">{i + 1}</span> {t(`import.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </header>
      <div className="import-body" aria-busy={state.busy}>
        <Body store={store} />
        <ProblemList problems={state.problems} />
      </div>
      <footer className="import-footer">
        <span className="import-busy" role="status" aria-live="polite">
          {state.busy ? (state.activity ? progressText(t, state.activity) : t('import.working')) : ''}
        </span>
        <button type="button" onClick={() => void store.getState().close()}>
          {t('import.cancel')}
        </button>
        <button type="button" disabled={!prev || state.busy} onClick={() => prev && void store.getState().goTo(prev)}>
          {t('import.back')}
        </button>
        {next ? (
          <button type="button" className="primary" disabled={!canEnter(state, next)} onClick={() => void store.getState().goTo(next)}>
            {t('import.next')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={finishBlocked || state.busy} onClick={() => void store.getState().finish()}>
            {t('import.finish')}
          </button>
        )}
      </footer>
    </dialog>
  );
}
