import { editionInput, scenarioEditions } from '../data';
import type { CbsCode, ScenarioRequest } from '../domain';
import { builtInKey, euro, legeBegroting, resolveNational, resolveScenario } from '../domain';
import { planReuse, planWorkbook } from '.';

/**
 * The batch's shortcut (`werkboek --alle`): the national scenario and the national sheets are made
 * once and each gemeente's plan only adds its own sheets. Proof that this is only a shortcut: every
 * plan serialises byte for byte as the plan made from scratch for that gemeente.
 */
const job = scenarioEditions('vws-2026-04');
const key = builtInKey('spuk-2025', job.edition.base);
const codes = job.edition.base.gemeenten.map((g) => g.code);
const first = codes[0] as CbsCode;
const last = codes[codes.length - 1] as CbsCode;
const ALMERE = 'GM0034' as CbsCode; // a mandaatgemeente (the sheet Regioverdeling)
const ZEEWOLDE = 'GM0050' as CbsCode; // a member of Almere's region
const AMSTERDAM = 'GM0363' as CbsCode;
const LELYSTAD = 'GM0995' as CbsCode;

const fresh = (request: ScenarioRequest) => JSON.stringify(planWorkbook(resolveScenario(request)));

describe('planWorkbook with the national sheets reused', () => {
  it('is byte-identical to the fresh plan of every gemeente, in any order, and shares the national sheets', () => {
    const national = resolveNational({ ...job, key });
    const reuse = planReuse(national);
    const order = [ZEEWOLDE, ALMERE, first, AMSTERDAM, last, LELYSTAD, undefined];
    const plans = order.map((gemeente) => {
      const request = { ...job, key, gemeente };
      const plan = planWorkbook(resolveScenario(request, national), reuse);
      expect(JSON.stringify(plan)).toBe(fresh(request));
      return plan;
    });
    // The national sheets are the same objects in every plan (a renderer may skip comparing them).
    const byName = (i: number, name: string) => plans[i]?.sheets.find((s) => s.name === name);
    for (const name of ['Landelijk', 'Verdeelsleutel', 'Allocatie', 'Afronding', 'IZA', 'Bronnen']) {
      const sheet = byName(0, name);
      expect(sheet).toBeDefined();
      plans.forEach((_p, i) => expect(byName(i, name)).toBe(sheet));
    }
    // Controle and the starter Begroting table too, between gemeenten with the same signals and the
    // same role in their region (two members; a mandaatgemeente's Samenvatting has no member rows, so
    // its Controle checks another "Totaal baten" row: #18).
    // Controle shares its content; its page header names each gemeente (#18: its checks are the
    // gemeente's own, it said "Alle gemeenten").
    expect(byName(5, 'Controle')?.blocks).toBe(byName(0, 'Controle')?.blocks);
    expect(byName(5, 'Controle')?.print.header.center).toBe('Lelystad (GM0995)');
    expect(byName(0, 'Controle')?.print.header.center).toBe('Zeewolde (GM0050)');
    expect(byName(1, 'Controle')?.blocks).not.toBe(byName(0, 'Controle')?.blocks);
    // The starter Begroting shares its content; its page header names each gemeente (#18).
    expect(byName(1, 'Begroting')?.blocks).toBe(byName(0, 'Begroting')?.blocks);
    expect(byName(1, 'Begroting')?.formats).toBe(byName(0, 'Begroting')?.formats);
    expect(byName(0, 'Begroting')?.print.header.center).toBe('Zeewolde (GM0050)');
    expect(byName(1, 'Begroting')?.print.header.center).toBe('Almere (GM0034)');
    // The gemeente's own sheets are its own.
    expect(byName(1, 'Overzicht')).not.toBe(byName(0, 'Overzicht'));
  });

  it('builds for the gemeente what depends on its beschikking or begroting (and stays byte-identical)', () => {
    const national = resolveNational({ ...job, key });
    const reuse = planReuse(national);
    const plain = planWorkbook(resolveScenario({ ...job, key, gemeente: ALMERE }, national), reuse);
    const request: ScenarioRequest = {
      ...job,
      key,
      gemeente: ALMERE,
      beschikking: [{ regeling: 'Brede SPUK', onderdeel: 1, jaar: 2025, bedrag: euro(1) }],
      begroting: { ...legeBegroting(job.edition.edition), overheveling2025: euro(5_000_000) },
    };
    const own = planWorkbook(resolveScenario(request, national), reuse);
    expect(JSON.stringify(own)).toBe(fresh(request));
    const sheet = (p: typeof own, name: string) => p.sheets.find((s) => s.name === name);
    expect(sheet(own, 'Begroting')).not.toBe(sheet(plain, 'Begroting'));
    expect(sheet(own, 'Allocatie')).toBe(sheet(plain, 'Allocatie'));
    // And the next gemeente is not touched by it.
    const request2 = { ...job, key, gemeente: ZEEWOLDE };
    expect(JSON.stringify(planWorkbook(resolveScenario(request2, national), reuse))).toBe(fresh(request2));
  });

  it.each([
    ['gala-2023', { edition: editionInput('gala-2023') }],
    ['vws-2025-09 with BBV flags', { ...scenarioEditions('vws-2025-09'), bbvVastgelegd: [1, 7] }],
  ] as const)('is byte-identical on other editions too: %s', (_name, editions) => {
    const national = resolveNational({ ...editions, key });
    const reuse = planReuse(national);
    for (const gemeente of [ALMERE, last]) {
      const request = { ...editions, key, gemeente };
      expect(JSON.stringify(planWorkbook(resolveScenario(request, national), reuse))).toBe(fresh(request));
    }
  });

  it('refuses a reuse of another national scenario', () => {
    const reuse = planReuse(resolveNational({ edition: editionInput('vws-2025-09'), key }));
    const scenario = resolveScenario({ ...job, key, gemeente: ALMERE });
    expect(() => planWorkbook(scenario, reuse)).toThrow(RangeError);
  });
});
