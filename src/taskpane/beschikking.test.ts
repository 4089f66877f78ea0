import { defaultReferenceData } from '../data';
import type { CbsCode } from '../domain';
import { failureText } from '../messages';
import { checkBeschikking, MAX_SHOWN_FAILURES, summarize, withHeader, yearsText } from './beschikking';
import { LANDELIJK } from './gemeente-search';
import { KEY_TEXTS, NL } from './messages.nl';
import type { Action, Labels, State } from './state';
import { initialState, reduce, view } from './state';

const { gemeenten } = defaultReferenceData();
const ALMERE = 'GM0034' as CbsCode;
const labels: Labels = {
  gemeente: (c) => (c === LANDELIJK ? 'heel Nederland' : c === ALMERE ? 'Almere' : c),
  edition: (id) => id,
};

function run(state: State, ...actions: Action[]): State {
  return actions.reduce((s, a) => reduce(s, a, labels), state);
}

const ready = run(initialState('vws-2026-04', LANDELIJK), { type: 'environment', env: { kind: 'ready' } });
const almere = run(ready, { type: 'select-gemeente', gemeente: ALMERE });

/** Almere's Brede SPUK 2025 as a Dutch Excel copies it: tab-separated, thousands with dots, no header. */
const PASTE = 'Brede SPUK\t\t2025\t3.478.172\n';

describe('withHeader (a paste from Excel, with or without the header row)', () => {
  it('puts the header above a paste without one, with the paste’s separator', () => {
    expect(withHeader(PASTE)).toEqual({
      text: `regeling\tonderdeel\tjaar\tbedrag_eur\n${PASTE}`,
      added: true,
    });
    expect(withHeader('Brede SPUK;;2025;3478172')).toEqual({
      text: 'regeling;onderdeel;jaar;bedrag_eur\nBrede SPUK;;2025;3478172',
      added: true,
    });
  });

  it('leaves a paste with a header alone (any known column, any case)', () => {
    for (const text of [
      `regeling\tonderdeel\tjaar\tbedrag_eur\n${PASTE}`,
      'Regeling\tJaar\tOnderdeel\tBedrag_EUR\n',
      'gemeentecode,onderdeel_nr,jaar,bedrag_eur\nGM0034,16,2025,100\n',
      '',
    ])
      expect(withHeader(text)).toEqual({ text, added: false });
  });
});

describe('yearsText and summarize', () => {
  it('writes runs of years with a dash', () => {
    expect(yearsText([2025])).toBe('2025');
    expect(yearsText([2026, 2023, 2024, 2025])).toBe('2023–2026');
    expect(yearsText([2023, 2025, 2026])).toBe('2023, 2025–2026');
  });

  it('counts, names the regelingen with their years and totals in euros (nl-NL)', () => {
    const s = summarize(
      [
        { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: 1_000 as never },
        { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 3_478_172 as never },
        { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 3_500_000 as never },
      ],
      'Almere',
    );
    expect(s.text).toBe('3 bedragen voor Almere gelezen, samen €\u00a06.979.172:');
    expect(s.regelingen).toEqual(['Brede SPUK: 2025–2026, €\u00a06.978.172', 'SPUK IZA: 2025, €\u00a01.000']);
  });
});

describe('parse → preview → apply (Almere GM0034, Brede SPUK 2025 € 3.478.172)', () => {
  const check = checkBeschikking({ kind: 'paste', text: PASTE }, ALMERE, gemeenten);

  it('reads the paste with the CLI’s reader', () => {
    expect(check).toEqual({
      ok: true,
      gemeente: ALMERE,
      regels: [{ regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 3_478_172 }],
    });
  });

  it('shows a summary and the button, and says it replaces the sheet Beschikking', () => {
    const s = run(almere, { type: 'beschikking-checked', check });
    const v = view(s).beschikking;
    expect(v.summary).toEqual({
      text: '1 bedrag voor Almere gelezen, samen €\u00a03.478.172:',
      regelingen: ['Brede SPUK: 2025, €\u00a03.478.172'],
    });
    expect(v.failures).toEqual([]);
    expect(v.applyEnabled).toBe(true);
    expect(NL.beschikking.replaces).toMatch(/^Vervangt de bedragen op het blad Beschikking/);
    // Nothing is written before the click.
    expect(s.busy).toBeUndefined();
  });

  it('"Beschikking in werkmap zetten" runs a load that carries the amounts, and says so afterwards', () => {
    const s = run(almere, { type: 'beschikking-checked', check }, { type: 'apply-beschikking' });
    expect(s.busy).toMatchObject({
      job: 'load',
      replaceWeights: false,
      beschikking: check.ok && check.regels,
    });
    expect(view(s).beschikking.enabled).toBe(false);
    expect(view(s).beschikking.applyEnabled).toBe(false);
    const done = run(s, { type: 'succeeded' });
    expect(done.message.tone).toBe('success');
    expect(done.message.text).toContain(NL.status.loaded('Almere', KEY_TEXTS['spuk-2025'].label));
    expect(done.message.text).toContain(NL.beschikking.applied(1));
    expect(done.message.text).toContain('Het bedrag uit de beschikking staat op het blad Beschikking.');
    // A plain load afterwards does not write it again (the renderer keeps it as the user's input).
    const again = run(done, { type: 'start', job: 'load' });
    expect(again.busy?.beschikking).toBeUndefined();
  });

  it('a failed write keeps the reading, so the user can try again', () => {
    const s = run(
      almere,
      { type: 'beschikking-checked', check },
      { type: 'apply-beschikking' },
      { type: 'failed', text: 'Excel antwoordde niet.' },
    );
    expect(s.message).toEqual({ tone: 'error', text: 'Excel antwoordde niet.' });
    expect(view(s).beschikking.applyEnabled).toBe(true);
  });

  it('asks first when the workbook has another key, and the confirmed run still carries the amounts', () => {
    const built = run(
      almere,
      { type: 'workbook-found', builtWith: { gemeente: ALMERE, keyId: 'inwoners' } },
      { type: 'select-key', keyId: 'spuk-2025' },
      { type: 'beschikking-checked', check },
      { type: 'apply-beschikking' },
    );
    expect(built.busy).toBeUndefined();
    expect(built.confirm).toMatchObject({ job: 'load', from: 'inwoners', to: 'spuk-2025' });
    const yes = run(built, { type: 'confirm', accept: true });
    expect(yes.busy).toMatchObject({ replaceWeights: true, beschikking: check.ok && check.regels });
  });

  it('puts the reading aside when another gemeente is chosen or the paste changes', () => {
    const s = run(almere, { type: 'beschikking-checked', check });
    const other = run(s, { type: 'select-gemeente', gemeente: 'GM0363' as CbsCode });
    expect(view(other).beschikking.summary).toBeUndefined();
    expect(view(other).beschikking.note).toBe(NL.beschikking.otherGemeente('Almere'));
    expect(run(other, { type: 'apply-beschikking' })).toBe(other);
    const edited = run(s, { type: 'beschikking-edited' });
    expect(view(edited).beschikking.summary).toBeUndefined();
    expect(run(edited, { type: 'apply-beschikking' })).toBe(edited);
  });
});

describe('refusals: nothing is written, the reader’s Dutch texts are listed', () => {
  function refused(text: string, gemeente: CbsCode | typeof LANDELIJK = ALMERE): State {
    const check = checkBeschikking({ kind: 'paste', text }, gemeente, gemeenten);
    expect(check.ok).toBe(false);
    const s = run(gemeente === ALMERE ? almere : ready, { type: 'beschikking-checked', check });
    // No write can start from a refusal.
    expect(run(s, { type: 'apply-beschikking' })).toBe(s);
    expect(view(s).beschikking.applyEnabled).toBe(false);
    expect(view(s).beschikking.summary).toBeUndefined();
    return s;
  }

  it('cents: row 1 is the first pasted line (the header the pane added is not counted)', () => {
    const s = refused('Brede SPUK\t\t2025\t3478172,50\n');
    expect(view(s).beschikking.failures).toEqual([
      'Rij 1: het bedrag "3478172,50" heeft centen. Bedragen in een beschikking zijn hele euro\'s: rond af op hele euro\'s, zonder decimalen.',
    ]);
  });

  it('an unknown regeling, with the header pasted along (its rows as the user sees them)', () => {
    const s = refused('regeling\tonderdeel\tjaar\tbedrag_eur\nBrede SPUKK\t\t2025\t3478172\n');
    expect(view(s).beschikking.failures).toEqual([
      'Rij 2: "Brede SPUKK" is geen regeling. Kies uit: Brede SPUK, SPUK IZA, SPUK AZWA lokaal, SPUK AZWA regionaal (hoofdletters maken niet uit).',
    ]);
  });

  it('another gemeente’s code', () => {
    const s = refused('gemeentecode;regeling;onderdeel;jaar;bedrag_eur\nGM0363;Brede SPUK;;2025;3478172\n');
    expect(view(s).beschikking.failures).toEqual([
      'Rij 2: deze rij is van GM0363, maar de gekozen gemeente is GM0034. Laat alleen de rijen van GM0034 staan, of kies gemeente GM0363.',
    ]);
  });

  it('the national view: a gemeente must be chosen first', () => {
    const s = refused(PASTE, LANDELIJK);
    expect(view(s).beschikking.failures).toEqual([NL.beschikking.needsGemeente]);
    expect(NL.beschikking.needsGemeente).toContain('Kies eerst bovenaan de gemeente van de beschikking');
  });

  it('lists at most 10 texts and counts the rest ("en nog N meldingen")', () => {
    const lines = Array.from({ length: 13 }, (_, i) => `Regeling ${i}\t\t2025\t100`).join('\n');
    const s = refused(lines);
    const v = view(s).beschikking;
    expect(v.failures).toHaveLength(MAX_SHOWN_FAILURES);
    expect(v.more).toBe(3);
    expect(NL.beschikking.more(3)).toBe('en nog 3 meldingen');
    expect(v.failures[0]).toMatch(/^Rij 1: "Regeling 0" is geen regeling/);
  });

  it('a file is read as bytes (UTF-8 with BOM decoded by the reader), with the same validation; no header added', () => {
    const utf8 = new TextEncoder().encode(
      '\uFEFFregeling;onderdeel;jaar;bedrag_eur\nBrede SPUK;;2025;3.478.172\n',
    );
    expect(checkBeschikking({ kind: 'file', bytes: utf8 }, ALMERE, gemeenten)).toMatchObject({
      ok: true,
      regels: [{ regeling: 'Brede SPUK', jaar: 2025, bedrag: 3_478_172 }],
    });
    const noHeader = new TextEncoder().encode('Brede SPUK;;2025;3478172\n');
    const check = checkBeschikking({ kind: 'file', bytes: noHeader }, ALMERE, gemeenten);
    expect(check).toEqual({
      ok: false,
      failures: [
        failureText({ kind: 'MissingHeader', input: 'beschikking-regels', firstCell: 'brede spuk' }),
      ],
    });
  });
});

describe('a copy of the sheet Beschikking’s own grid (issue #17 item 14: was "tab in een veld?")', () => {
  const years = ['2023', '2024', '2025', '2026', '2027', '2028', '2029'];
  const gridRow = (
    key: string,
    regeling: string,
    omschrijving: string,
    amounts: Record<string, string>,
  ): string => [key, regeling, omschrijving, '', ...years.map((y) => amounts[y] ?? '')].join('\t');
  const rows = [
    gridRow('BS', 'Brede SPUK', 'Brede SPUK (totaal)', { '2025': '€ 3.478.172' }),
    gridRow('BS01', 'Brede SPUK', '1. Sportakkoord', {}),
    gridRow('IZA', 'SPUK IZA', 'SPUK IZA (totaal)', { '2025': '€ 3.161.954' }),
  ];
  const header = ['Sleutel', 'Regeling', 'Onderdeel', '', ...years].join('\t');
  const sheet = (code: string): string =>
    [
      'Beschikking: de bedragen uit de beschikking van de gemeente (invoer)',
      "Vul in hele euro's in wat de beschikking toekent. Een lege cel betekent: het bedrag van de editie. Het totaal van de Brede SPUK gaat vóór de som van de onderdelen; vanaf 2025 is één totaal per regeling genoeg (ontschotting).",
      '',
      `Gemeente van deze beschikking\t\t${code}\thoort bij Overzicht`,
      'Geldt voor Overzicht (1 = ja)\t\t1',
      header,
      ...rows,
      '',
      'Regionaal geld (SPUK IZA, SPUK AZWA regionaal) staat alleen op de beschikking van de mandaatgemeente. Gemaakt voor Almere.',
    ].join('\n');
  const regels = [
    { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 3_478_172 },
    { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2025, bedrag: 3_161_954 },
  ];

  it('its rows without the header are read (no header put above them)', () => {
    expect(withHeader(rows.join('\n')).added).toBe(false);
    expect(checkBeschikking({ kind: 'paste', text: rows.join('\n') }, ALMERE, gemeenten)).toEqual({
      ok: true,
      gemeente: ALMERE,
      regels,
    });
  });
  it('the whole sheet (titles, gemeente, header, grid, note) is read', () => {
    expect(withHeader(sheet('GM0034')).added).toBe(false);
    expect(checkBeschikking({ kind: 'paste', text: sheet('GM0034') }, ALMERE, gemeenten)).toEqual({
      ok: true,
      gemeente: ALMERE,
      regels,
    });
  });
  it('the sheet of another gemeente is refused, naming its row', () => {
    expect(checkBeschikking({ kind: 'paste', text: sheet('GM0363') }, ALMERE, gemeenten)).toEqual({
      ok: false,
      failures: [
        'Rij 4: deze rij is van GM0363, maar de gekozen gemeente is GM0034. Laat alleen de rijen van GM0034 staan, of kies gemeente GM0363.',
      ],
    });
  });
});

describe('the beschikkingsnummer and -datum columns (issue #19 item 4) in a paste', () => {
  const NR = '1234567-202345-PG';
  const read = (text: string) => checkBeschikking({ kind: 'paste', text }, ALMERE, gemeenten);

  it('reads them without a header (five or six columns: nummer, then datum) and with one, for every row of the regeling', () => {
    const six = `Brede SPUK\t\t2025\t3.478.172\t${NR}\t15-3-2025\nBrede SPUK\t\t2026\t1.000.000\t\t\n`;
    expect(withHeader(six)).toEqual({
      text: `regeling\tonderdeel\tjaar\tbedrag_eur\tbeschikkingsnummer\tbeschikkingsdatum\n${six}`,
      added: true,
    });
    const brede = (jaar: number, bedrag: number) => ({
      regeling: 'Brede SPUK',
      onderdeel: undefined,
      jaar,
      bedrag,
      nummer: NR,
      datum: '2025-03-15',
    });
    expect(read(six)).toEqual({
      ok: true,
      gemeente: ALMERE,
      regels: [brede(2025, 3_478_172), brede(2026, 1_000_000)],
    });
    const five = `SPUK IZA;;2025;1000;IZA-7\n`;
    expect(withHeader(five).text.split('\n')[0]).toBe(
      'regeling;onderdeel;jaar;bedrag_eur;beschikkingsnummer',
    );
    expect(read(five)).toMatchObject({ ok: true, regels: [{ regeling: 'SPUK IZA', nummer: 'IZA-7' }] });
    const fiveRead = read(five);
    expect(fiveRead.ok && fiveRead.regels[0]?.datum).toBeUndefined();
    // With the header, in any order (an ISO date too).
    const header = `beschikkingsdatum;regeling;jaar;bedrag_eur;onderdeel;beschikkingsnummer\n2025-03-15;Brede SPUK;2025;3478172;;${NR}\n`;
    expect(read(header)).toEqual({ ok: true, gemeente: ALMERE, regels: [brede(2025, 3_478_172)] });
    // The summary shows them, so the user sees what will be written.
    const ok = read(six);
    if (!ok.ok) throw new Error('not read');
    expect(summarize(ok.regels, 'Almere').regelingen).toEqual([
      `Brede SPUK: 2025–2026, €\u00a04.478.172; beschikking nr. ${NR} van 15-03-2025`,
    ]);
  });

  it('refuses a date that is none and two numbers for one regeling, naming the rows the user pasted', () => {
    const bad = `Brede SPUK\t\t2025\t3.478.172\t${NR}\t31-02-2025\nBrede SPUK\t\t2026\t1.000.000\tANDER\t\n`;
    expect(read(bad)).toEqual({
      ok: false,
      failures: [
        'Rij 1: de beschikkingsdatum "31-02-2025" is geen datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 15-03-2025) of jjjj-mm-dd (2025-03-15), of laat de cel leeg.',
        `Rij 2: het beschikkingsnummer van de Brede SPUK is hier "ANDER", maar op rij 1 "${NR}". Eén beschikking per regeling: geef overal hetzelfde, of laat de cel leeg op de andere rijen.`,
      ],
    });
    // Through the pane's state: refused, nothing to write.
    const s = run(almere, { type: 'beschikking-checked', check: read(bad) });
    expect(view(s).beschikking.applyEnabled).toBe(false);
    expect(view(s).beschikking.failures).toHaveLength(2);
    const dates = read(`Brede SPUK\t\t2025\t3.478.172\t${NR}\t2025/03/15\n`);
    expect(dates.ok).toBe(false);
    expect(!dates.ok && dates.failures[0]).toMatch(
      /^Rij 1: de beschikkingsdatum "2025\/03\/15" is geen datum\./,
    );
  });
});
