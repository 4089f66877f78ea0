/**
 * Issue #17: the pane's "Wat nu?" count of Controle's deviations is the scenario's
 * (`modelChecksTotal`), and it now includes the Realisatie's rows without a begrotingsregel
 * (`realisatie-sleutel`, counted by the domain against the rows the werkmap is made with). Through
 * `officeServices()` on the fake host with HyperFormula: the count the pane shows equals what the
 * sheet Controle computes in the workbook it wrote.
 */
import { FakeExcel } from '../../test/support/fake-excel';
import { hyperFormulaEvaluator } from '../../test/support/fake-excel/hyperformula';
import { installHost, paneRequest, removeHost } from '../../test/support/pane-host';
import { defaultEditionId } from '../data';
import { SHEETS } from '../plan';
import { NL } from './messages.nl';
import { officeServices } from './office-services';
import { checkRealisatie, editionYears } from './realisatie';

const ZWOLLE = 'GM0193';
const YEARS = editionYears(defaultEditionId());

/** A row as copied from the table (tab-separated): `amount` in the first year, the rest empty. */
const row = (regeling: string, onderdeel: string, activiteit: string, amount: string) =>
  [
    regeling,
    onderdeel,
    activiteit,
    '',
    '',
    'incidenteel',
    amount,
    ...YEARS.slice(1).map(() => ''),
    '',
    '',
  ].join('\t');

afterEach(removeHost);

it('"Wat nu?" counts the Realisatie row without a begrotingsregel, as Controle does', async () => {
  const fake = new FakeExcel({ evaluator: hyperFormulaEvaluator() });
  installHost(fake);
  // Onderdeel 1's starter row is "Sportakkoord" (it has its begrotingsregel); "Sport" has none.
  const c = checkRealisatie(
    {
      kind: 'paste',
      text: [row('Brede SPUK', '1', 'Sportakkoord', '100000'), row('Brede SPUK', '1', 'Sport', '50000')].join(
        '\n',
      ),
    },
    ZWOLLE as never,
    defaultEditionId(),
  );
  if (!c.ok) throw new Error(c.failures.join(' '));
  const outcome = await officeServices().render(
    paneRequest({ gemeente: ZWOLLE as never }, { realisatie: c.invoer }),
  );
  expect(outcome).toMatchObject({ ok: true });
  const steps = outcome.ok ? (outcome.nextSteps ?? []) : [];
  // Controle's total as the workbook computes it (C4) and the signal on the sheet Besteding (B3).
  const total = fake.values(SHEETS.controle, 'C4')[0]?.[0];
  expect(fake.values(SHEETS.besteding, 'B3')).toEqual([[1]]);
  expect(total).toBe(1);
  expect(steps).toContain(NL.nextSteps.controle(1));
  expect(steps).not.toContain(NL.nextSteps.controle(0));
});
