/**
 * The segregation impact assessment in a new tab: the report HTML (self-contained, from the
 * core) with a Print button added at the top (hidden when printing). The tab is opened at the
 * click, before the worker has finished, so popup blockers allow it. The report holds no script
 * (a blob document inherits the page's Content-Security-Policy, which forbids inline script):
 * this page attaches the button's click handler once the tab has loaded the report.
 */

const PRINT_LABEL = { fi: 'Tulosta tai tallenna PDF:ksi', sv: 'Skriv ut eller spara som PDF', en: 'Print or save as PDF' } as const;

/** The report with a print bar inserted right after <body>. */
export function withPrintButton(html: string, language: keyof typeof PRINT_LABEL): string {
  const bar =
    '<div class="print-bar" style="position:sticky;top:0;display:flex;justify-content:flex-end;gap:8px;padding:8px 12px;background:#24476b;">' +
    `<button type="button" data-print style="font:inherit;font-size:14px;padding:6px 14px;border-radius:6px;border:1px solid #fff;background:#fff;color:#24476b;cursor:pointer">${PRINT_LABEL[language]}</button></div>` +
    '<style>@media print{.print-bar{display:none!important}}</style>';
  const at = html.search(/<body[^>]*>/i);
  if (at < 0) return bar + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + bar + html.slice(end);
}

/** A tab opened now (at the user's click); null when the browser refuses. */
export function openPendingTab(): Window | null {
  const w = window.open('', '_blank');
  if (w) w.document.title = '…';
  return w;
}

/** Shows `html` in `tab` (or, when the tab was refused, downloads nothing and returns false). */
export function showInTab(tab: Window | null, html: string): boolean {
  if (!tab || tab.closed) return false;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  tab.location.replace(url);
  setTimeout(() => URL.revokeObjectURL(url), 300_000);
  bindPrintButton(tab);
  return true;
}

/** Attaches window.print to the report's Print button when the tab has loaded it (polls for up to 30 s). */
function bindPrintButton(tab: Window): void {
  const started = Date.now();
  const timer = setInterval(() => {
    try {
      const button = tab.closed ? null : tab.document.querySelector<HTMLButtonElement>('button[data-print]');
      if (button && !button.dataset.bound) {
        button.dataset.bound = '1';
        button.addEventListener('click', () => tab.print());
      }
      if (button || tab.closed || Date.now() - started > 30_000) clearInterval(timer);
    } catch {
      clearInterval(timer); // another origin: nothing to bind
    }
  }, 100);
}
