/**
 * Diagnostic (not part of CI): a CPU profile of the first load, summarised per function
 * (self time, top 40) plus the long tasks with their start times. Writes the raw profile to
 * the path given with --out.
 *   npx tsx tests/bench/profile-load.ts [--out /tmp/load.cpuprofile]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { appUrl } from '../browser/harness/app-page';
import { launchChromium, newTestContext } from '../browser/harness/launch-chromium';
import { startPreview } from '../browser/harness/preview-server';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
type W = { __t: { s: number; d: number }[]; __catchmentStudio?: { isReady(): boolean } };

const preview = await startPreview();
const browser = await launchChromium();
try {
  const context = await newTestContext(browser);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as W;
    w.__t = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) w.__t.push({ s: Math.round(e.startTime), d: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  page.on('console', (m) => { if (m.text().startsWith('WT')) console.log(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.goto(appUrl(preview.url), { waitUntil: 'commit' });
  const h = await page.waitForFunction(() => {
    const w = window as unknown as W;
    return w.__catchmentStudio?.isReady() === true && document.querySelectorAll('.school-table tbody tr[data-id]').length > 0 ? { at: performance.now(), t: w.__t } : null;
  }, null, { timeout: 120_000, polling: 'raf' });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
  const r = (await h.jsonValue()) as { at: number; t: { s: number; d: number }[] };
  if (args.out) writeFileSync(args.out, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const origin = await page.evaluate(() => performance.timeOrigin);
  console.log(JSON.stringify({ origin: Math.round(origin), ready: Math.round(r.at), tasks: r.t }));
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(0).padStart(6), k);
} finally {
  await browser.close();
  await preview.close();
}
