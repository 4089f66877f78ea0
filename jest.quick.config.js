/**
 * `npm run test:quick` (after the typecheck): the inner-loop check, every jest suite except the slow
 * ones below. `npm test` (and `npm run test:all`) stays the full proof and runs them all.
 * A new slow suite (more than ~10 s alone on a 2-core machine): add its path here, with why it is slow.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

const SLOW = [
  // HyperFormula evaluates every formula cell of the plan for every edition (80–130 thousand each).
  'src/plan/formula-truth.test.ts',
  // HyperFormula against the domain on generated begrotingen.
  'src/plan/begroting-truth.test.ts',
  // HyperFormula on a real plan: Controle's checks samenvatting and beschikking-jaren on planted disagreements.
  'src/plan/samenvatting-controle.test.ts',
  // HyperFormula on two real plans: a member gemeente's planned share follows its region's inputs.
  'src/plan/beschikking-gepland.test.ts',
  // HyperFormula on two real plans (Zwolle, Dalfsen): the doorbetaling and the member's planned share.
  'src/plan/regio-doorgeven.test.ts',
  // HyperFormula on a real plan (Zwolle): the doorbetaling counted twice, live against the domain.
  'src/plan/begroting/toets-doorbetaling.test.ts',
  'src/plan/verantwoording/signalen-domein.test.ts',
  // HyperFormula on a real plan: Controle's text checks (nine typed cells) and the Realisatie's key check.
  'src/plan/invoer-tekst-controle.test.ts',
  'src/plan/realisatie-controle.test.ts',
  // HyperFormula on four real plans: the Samenvatting's mutations block against the CLI export.
  'src/plan/begroting/samenvatting-mutaties.test.ts',
  // LibreOffice recalculates and prints the written .xlsx (needs soffice, pdftoppm).
  'test/libreoffice/',
  // Sweeps over real plans and all 342 gemeenten.
  'src/xlsx/batch-xlsx.test.ts',
  'src/excel/real-plan.test.ts',
  'src/cli/werkmappen.test.ts',
  // A write batch that fails at every operation in turn, on a real plan.
  'src/excel/write-safety.test.ts',
  // The task pane's runs on the real plan through the fake Excel host (eight loads, ~20 s alone).
  'src/taskpane/office-services.test.ts',
  // The Realisatie: HyperFormula on a plan with a realisatie, the fake host's refreshes and failures
  // on it (six interrupted writes, ~3 min alone), the pane's option (two runs on the real plan).
  'src/plan/realisatie/realisatie-sheet.test.ts',
  'src/excel/realisatie-refresh.test.ts',
  // Left-over add-in sheets: two real plans (with and without the comparison / the realisatie) through
  // the fake host (~30 s alone).
  'src/excel/stale-sheets.test.ts',
  // A mandaatgemeente's Beschikking: three refreshes of real plans through the fake host with
  // HyperFormula (~2 min alone, 5 under load).
  'src/excel/beschikking-mandaat.test.ts',
  'src/taskpane/realisatie-option.test.ts',
  // Rows for an existing table: a write that fails at every operation (append and replace, ~20 s), and
  // the pane's Toevoegen/Vervangen on the real plan (~40 s alone).
  'src/excel/table-rows.test.ts',
  'src/taskpane/realisatie-existing.test.ts',
  // Budgets on the production build (needs dist/ from npm run build) and the real plan's round trips.
  'test/budgets/',
];

module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/', ...SLOW.map((p) => `<rootDir>/${p.replace(/\./g, '\\.')}`)],
};
