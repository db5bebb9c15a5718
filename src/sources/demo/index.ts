// Deterministic synthetic ACLED-style demo data: a Sahel scenario 2019-2023.
// Everything here is invented; see README.md for what is calibrated to what.
export { DEMO_DATASET, ACLED_COLUMNS } from './event.js';
export { type DemoOptions, demoRows } from './generate.js';
export { writeDemoCsv } from './csv.js';
