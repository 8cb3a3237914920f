// The report's page style: A4 portrait, Noto Sans SC, tables and the wall's dark chart tiles.
export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans SC', sans-serif; color: #111827; margin: 0 auto; max-width: 186mm; font-size: 10.5pt; line-height: 1.45; }
header h1 { font-size: 20pt; margin: 0 0 4mm; }
header h1 small { font-size: 12pt; color: #4B5563; font-weight: 400; margin-left: 3mm; }
dl { display: grid; grid-template-columns: 1fr 1fr; gap: 1mm 6mm; margin: 0 0 4mm; }
dl div { display: flex; gap: 3mm; }
dt { color: #4B5563; min-width: 24mm; }
dd { margin: 0; }
.note { color: #92400E; margin: 0 0 3mm; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; margin-bottom: 6mm; }
.kpi { border: 1px solid #D1D5DB; border-radius: 2mm; padding: 3mm; display: flex; flex-direction: column; }
.kpi span { color: #4B5563; font-size: 9pt; }
.kpi strong { font-size: 18pt; }
.kpi em { font-style: normal; color: #4B5563; font-size: 8.5pt; }
section { margin-bottom: 5mm; }
section.whole, table { break-inside: avoid; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) 90mm; gap: 4mm; align-items: start; }
h2 { font-size: 13pt; border-bottom: 2px solid #111827; padding-bottom: 1mm; margin: 0 0 2mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
th, td { padding: 1mm 2mm; border-bottom: 1px solid #E5E7EB; text-align: left; vertical-align: top; }
th { background: #F3F4F6; font-weight: 700; font-size: 9.5pt; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; border-radius: 2mm; }
.none { color: #4B5563; }
`;
