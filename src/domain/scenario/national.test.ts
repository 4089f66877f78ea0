import { defaultReferenceData, editionInput, scenarioEditions } from '../../data';
import type { CbsCode, EditionYear, Scenario, ScenarioRequest } from '..';
import { builtInKey, euro, resolveNational, resolveScenario } from '..';

const base = defaultReferenceData();
const key = builtInKey('spuk-2025', base);
const codes = base.gemeenten.map((g) => g.code);
const GEMEENTEN: readonly (CbsCode | undefined)[] = [
  undefined,
  'GM0034' as CbsCode, // Almere: mandaatgemeente
  'GM0050' as CbsCode, // Zeewolde: a member of Almere's region
  codes[0],
  codes[codes.length - 1],
];

/** Every number a scenario shows, as plain data (its functions called for every line and year). */
function numbers(s: Scenario): unknown {
  const perLine = s.lines.map((l) =>
    s.years.map((jaar: EditionYear) => ({
      amount: s.amount(l.nr, jaar),
      reading: s.lineReading(l.nr, jaar),
      afloop: s.afloop(l.nr, jaar),
      view: s.gemeente ? s.view.gemeente(s.gemeente.code, l.nr, jaar) : s.view.sumGemeenten(l.nr, jaar),
    })),
  );
  return {
    editie: s.editie,
    gemeente: s.gemeente,
    chosen: s.chosen,
    allocLines: s.allocLines.map((l) => l.nr),
    vastgelegd: [...s.vastgelegd],
    beschikking: s.beschikking,
    toets: s.toets,
    report: s.report,
    galaReport: s.galaReport,
    readings: s.readings,
    sources: s.sources,
    modelChecks: s.modelChecks,
    modelChecksTotal: s.modelChecksTotal,
    diff: s.diff,
    bijlage2A: s.bijlage2A,
    perLine,
  };
}

describe('the national scenario, resolved once', () => {
  const requests: { name: string; request: Omit<ScenarioRequest, 'gemeente'> }[] = [
    { name: 'vws-2026-04 with vorige (the batch)', request: { ...scenarioEditions('vws-2026-04'), key } },
    {
      name: 'vws-2025-09 with BBV flags',
      request: { edition: editionInput('vws-2025-09'), key, bbvVastgelegd: [1, 5] },
    },
    { name: 'gala-2023 without vorige', request: { edition: editionInput('gala-2023'), key } },
  ];

  it.each(requests)('gives the same numbers as a fresh resolve: $name', ({ request }) => {
    const national = resolveNational(request);
    for (const gemeente of GEMEENTEN) {
      const reused = resolveScenario({ ...request, gemeente }, national);
      const fresh = resolveScenario({ ...request, gemeente });
      expect(reused.ledger).toBe(national.ledger);
      expect(reused.national).toBe(national);
      expect(JSON.stringify(numbers(reused))).toBe(JSON.stringify(numbers(fresh)));
    }
  });

  it('keeps a beschikking the gemeente’s own', () => {
    const request = { ...scenarioEditions('vws-2025-09'), key, gemeente: 'GM0034' as CbsCode };
    const national = resolveNational(request);
    const own = {
      beschikking: [
        {
          regeling: 'Brede SPUK' as const,
          onderdeel: undefined,
          jaar: 2025 as const,
          bedrag: euro(1_000_000),
        },
        { regeling: 'Brede SPUK' as const, onderdeel: 1, jaar: 2025 as const, bedrag: euro(250_000) },
      ],
    };
    const reused = resolveScenario({ ...request, ...own }, national);
    expect(reused.view).not.toBe(national.ledger);
    expect(JSON.stringify(numbers(reused))).toBe(
      JSON.stringify(numbers(resolveScenario({ ...request, ...own }))),
    );
    // The next gemeente on the same national part does not see it.
    const next = resolveScenario({ ...request, gemeente: 'GM0050' as CbsCode }, national);
    expect(next.view).toBe(national.ledger);
    expect(next.beschikking).toEqual([]);
  });

  it('refuses a national scenario of another edition, key or BBV flags', () => {
    const request = { ...scenarioEditions('vws-2026-04'), key, gemeente: 'GM0034' as CbsCode };
    const national = resolveNational(request);
    // A copy of the same key (as a worker thread receives it) is the same key.
    expect(() =>
      resolveScenario({ ...request, key: { ...key, weights: [...key.weights] } }, national),
    ).not.toThrow();
    expect(() => resolveScenario({ ...request, edition: editionInput('vws-2025-09') }, national)).toThrow(
      /another edition/,
    );
    expect(() => resolveScenario({ ...request, vorige: undefined }, national)).toThrow(/compare/);
    expect(() => resolveScenario({ ...request, key: builtInKey('inwoners', base) }, national)).toThrow(
      /another key/,
    );
    expect(() => resolveScenario({ ...request, bbvVastgelegd: [1] }, national)).toThrow(/BBV/);
  });
});
