/**
 * Inline CSS of the impact report: screen and print (A4 portrait). The summary ends its page;
 * headings stay with what follows them (break-after: avoid) and small blocks (a heading with its
 * table) are not split (break-inside: avoid); table headers repeat on every page. Page numbers
 * ("Sivu 2 / 5") and a footer line (scenario · organisation · author · date) sit in the page
 * margin boxes (@page @bottom-*, Chromium 131+ and print-to-PDF engines).
 */

/** A CSS string literal ("…", quotes and backslashes escaped, line breaks removed). */
export function cssString(s: string): string {
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;
}

export function reportCss(o: { footer: string; page: string }): string {
  return `
@page {
  size: A4 portrait; margin: 15mm 15mm 18mm;
  @bottom-left { content: ${cssString(o.footer)}; font: 8pt Arial, sans-serif; color: #555; }
  @bottom-right { content: ${cssString(`${o.page} `)} counter(page) " / " counter(pages); font: 8pt Arial, sans-serif; color: #555; }
}
body { font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 5mm 0 2mm; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
h3 small { font-weight: normal; color: #555; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
.keep, tr, .legend, li { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
thead { display: table-header-group; }
th, td { border-bottom: 1px solid #ddd; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.meta { width: auto; }
table.meta th { width: 42mm; font-weight: 600; }
table.meta th, table.meta td { padding: 0.4mm 1.5mm; border: none; }
p.lead { font-size: 11pt; margin: 2mm 0; }
.note { font-size: 8.5pt; color: #444; margin: 1mm 0 2mm; }
ul { margin: 1mm 0; padding-left: 5mm; }
.caveats-short li { font-size: 9pt; }
section.summary-page { break-after: page; page-break-after: always; }
section.details > h2 { margin-top: 0; }
section.map svg { break-inside: avoid; }
table.schools { font-size: 8.5pt; }
.legend { font-size: 9pt; color: #333; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; }
.key.grey { border: 1px solid #999; }
.key.strong { border: 2px solid #111; }
.key.hatch { background: repeating-linear-gradient(45deg, #c0392b 0 2px, transparent 2px 5px); }
.key.dot { border-radius: 50%; background: #1f4e79; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #555; }
@media print {
  main { max-width: none; padding: 0; }
  .key.hatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
}
