/** Inline CSS of the impact report: screen and print (A4 portrait, 15 mm margins). */
export const REPORT_CSS = `
@page { size: A4 portrait; margin: 15mm; }
body { font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
h3 small { font-weight: normal; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
th, td { border-bottom: 1px solid #ddd; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.meta th { width: 40mm; font-weight: 600; }
.legend { font-size: 9pt; color: #333; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: middle; }
.key.grey { border: 1px solid #999; }
.key.strong { border: 2px solid #111; }
.key.hatch { background: repeating-linear-gradient(45deg, #c0392b 0 2px, transparent 2px 5px); }
.key.dot { border-radius: 50%; background: #1f4e79; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #555; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, svg, section.map { break-inside: avoid; }
  tr { break-inside: avoid; }
  .key.hatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
