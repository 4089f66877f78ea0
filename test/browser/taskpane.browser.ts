/**
 * The production task pane (dist/taskpane.html) in headless Debian Chromium (/usr/bin/chromium) driven by
 * playwright-core. office.js is stubbed (test/browser/office-stub.js) with the fake Excel host
 * (build/fake-host.js, from webpack.test-host.config.js); every request that is not to the local server
 * is blocked. Run with `npm run test:browser`, which builds both first.
 */
import { AxeBuilder } from '@axe-core/playwright';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from './chromium';
import { defaultEditionId, defaultReferenceData, editionInput, editionManifests } from '../../src/data';
import type { CbsCode } from '../../src/domain';
import { builtInKey } from '../../src/domain';
import type { WorkbookPlan } from '../../src/plan';
import { INPUT_NAMES, SHEETS, buildWorkbookPlan } from '../../src/plan';
import { COMPARE_DEFAULT, NO_COMPARISON } from '../../src/taskpane/compare';
import { KEPT_SHEET, KEY_TEXTS, NL } from '../../src/taskpane/messages.nl';
import { editionYears } from '../../src/taskpane/realisatie';
import { realisatiePaste, realisatieRow } from '../support/pane-host';
import { keepPictureTrue } from '../support/pictures';
import type { FakeExcel } from '../support/fake-excel';
import type { StaticServer } from './static-server';
import { serveDirectory } from './static-server';

declare global {
  interface Window {
    __fakeExcel: FakeExcel;
    __officeSettings: Record<string, unknown>;
    __SPUK_TEST__: {
      host: string | null;
      apiVersion?: string;
      settings?: Record<string, unknown>;
      prebuild?: WorkbookPlan;
    };
    __progress: string[];
  }
}

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const FAKE_HOST = path.join(ROOT, 'build', 'fake-host.js');
/**
 * The task pane after loading Almere, at 360 px: written by every run (build/ is not tracked). The
 * README's copy, docs/img/taskpane.png, is rewritten only when asked for (`UPDATE_PICTURES=1`, `npm run
 * pictures`), with the pane's visible text beside it (docs/img/taskpane.txt); every other run fails when
 * that text is no longer what the pane shows (`keepPictureTrue`, test/support/pictures.ts).
 */
const SCREENSHOT = path.join(ROOT, 'build', 'taskpane.png');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const data = defaultReferenceData();
const almere = data.gemeenten.find((g) => g.naam === 'Almere');
const almere2A = data.bijlage2A.find((r) => r.code === almere?.code);

let server: StaticServer;
let browser: Browser;
let officeStub: string;

interface PaneOptions {
  readonly host?: string | null;
  /** Simulate a page where office.js cannot load at all (plain browser offline, CDN blocked). */
  readonly blockOffice?: boolean;
  readonly apiVersion?: string;
  /** Office document settings already in the workbook. */
  readonly settings?: Record<string, unknown>;
  /** A plan rendered into the workbook before the pane opens (a workbook made by the CLI). */
  readonly prebuild?: WorkbookPlan;
  /** Block the pane's own script (as when an old webview cannot run it). */
  readonly blockBundle?: boolean;
}

interface Pane {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly blocked: string[];
  readonly errors: string[];
}

async function openPane(options: PaneOptions = {}, width = 360): Promise<Pane> {
  const context = await browser.newContext({ viewport: { width, height: 760 }, locale: 'nl-NL' });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS && !options.blockOffice) {
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeStub });
    } else if (options.blockBundle && url.startsWith(server.origin + '/') && /\.js(\?|$)/.test(url)) {
      blocked.push(url);
      await route.abort('blockedbyclient');
    } else if (url.startsWith(server.origin + '/')) {
      await route.continue();
    } else {
      blocked.push(url);
      await route.abort('blockedbyclient');
    }
  });
  const config: Window['__SPUK_TEST__'] = {
    host: options.host === undefined ? 'Excel' : options.host,
    ...(options.apiVersion ? { apiVersion: options.apiVersion } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.prebuild ? { prebuild: options.prebuild } : {}),
  };
  await context.addInitScript((c) => {
    window.__SPUK_TEST__ = c;
  }, config);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, context, blocked, errors };
}

/** axe-core on the current state: no serious or critical violations. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { readonly width: number; readonly height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Horizontal overflow in the narrow pane: the body, the document, the edition list and the comparison
 * list must not be wider than they show (scrollWidth <= clientWidth); and no text of a radio's label
 * may reach past the pane's right edge (a cut name).
 */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const check = (what: string, el: Element | null) => {
      if (!el) found.push(`${what}: missing`);
      else if (el.scrollWidth > el.clientWidth) found.push(`${what}: ${el.scrollWidth} > ${el.clientWidth}`);
    };
    check('body', document.body);
    check('html', document.documentElement);
    check('#editie', document.querySelector('#editie'));
    check('#vergelijk', document.querySelector('#vergelijk'));
    const right = document.documentElement.clientWidth;
    document.querySelectorAll('#editie label, #vergelijk label').forEach((label) => {
      const box = label.getBoundingClientRect();
      if (box.right > right) found.push(`label "${label.textContent ?? ''}" ends at ${box.right} > ${right}`);
    });
    return found;
  });
}

/** The value of the checked radio in a group (fieldset) by its id. */
function checkedIn(page: Page, group: string): Promise<string> {
  return page.locator(`#${group} input[type="radio"]:checked`).inputValue();
}

async function waitForMessage(page: Page, role: 'status' | 'alert', text: string): Promise<void> {
  await page.getByRole(role).filter({ hasText: text }).waitFor({ timeout: 30_000 });
}

/** Row of a CBS code on Verdeelsleutel, found through the input name's key column. */
async function weightCell(page: Page, code: string): Promise<string> {
  return page.evaluate(
    ({ name, code }) => {
      const fake = window.__fakeExcel;
      const formula = fake.name(name)?.formula ?? '';
      const m = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(formula);
      if (!m) throw new Error(`no input name ${name}: ${formula}`);
      const [, col, first, last] = m;
      const codes = fake.values('Verdeelsleutel', `A${first}:A${last}`);
      const index = codes.findIndex((row) => row[0] === code);
      if (index < 0) throw new Error(`${code} not on Verdeelsleutel`);
      return `${col}${Number(first) + index}`;
    },
    { name: INPUT_NAMES.weights, code },
  );
}

function syncCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__fakeExcel.syncCount);
}

async function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(({ sheet, address }) => window.__fakeExcel.cell(sheet, address)?.value, {
    sheet,
    address,
  });
}

beforeAll(async () => {
  for (const [file, hint] of [
    [path.join(DIST, 'taskpane.html'), 'npm run build'],
    [FAKE_HOST, 'npx webpack --config webpack.test-host.config.js'],
    [CHROMIUM, 'apt-get install -y chromium'],
  ] as const) {
    if (!fs.existsSync(file))
      throw new Error(`${file} is missing: run \`${hint}\` (npm run test:browser does this)`);
  }
  officeStub = `${fs.readFileSync(FAKE_HOST, 'utf8')}\n${fs.readFileSync(path.join(__dirname, 'office-stub.js'), 'utf8')}`;
  server = await serveDirectory(DIST);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('task pane in Excel (fake host)', () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane();
  });

  afterAll(async () => {
    await pane.context.close();
  });

  it('starts ready, in Dutch, with spuk-2025 and the national view chosen', async () => {
    const { page } = pane;
    await waitForMessage(page, 'status', NL.status.ready);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(await page.getByRole('combobox', { name: NL.gemeente.label }).inputValue()).toBe(
      NL.gemeente.landelijk,
    );
    expect(
      await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS['spuk-2025'].label}`) }).isChecked(),
    ).toBe(true);
    for (const id of ['spuk-2026', 'inwoners', 'gelijk'] as const) {
      expect(await page.getByText(KEY_TEXTS[id].explanation).isVisible()).toBe(true);
    }
    // The editions as a radio group (named by its legend); the newest is chosen, compared with its vorige.
    expect(await page.getByRole('group', { name: NL.edition.label }).getByRole('radio').count()).toBe(
      editionManifests().length,
    );
    expect(await checkedIn(page, 'editie')).toBe(defaultEditionId());
    expect(await checkedIn(page, 'vergelijk')).toBe(COMPARE_DEFAULT);
    expect(await page.getByText(NL.subtitle).isVisible()).toBe(true);
    expect(NL.subtitle).toMatch(/Brede SPUK, SPUK IZA en SPUK AZWA/);
    // At 360 px (the narrow Excel pane) nothing is cut or scrolls sideways.
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await page.getByRole('button', { name: NL.actions.load }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: NL.actions.refresh }).isDisabled()).toBe(true);
    // Without document settings the pane asked the workbook itself: one read-only sync found nothing.
    expect(await syncCount(page)).toBe(1);
    await expectAccessible(page, 'ready');
  });

  it('filters the gemeenten while typing and picks one by mouse', async () => {
    const { page } = pane;
    const input = page.getByRole('combobox', { name: NL.gemeente.label });
    await input.fill('Alm');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual([
      expect.stringMatching(/^Almelo/),
      expect.stringMatching(/^Almere/),
    ]);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'list open');
    await page.screenshot({ path: path.join(ROOT, 'build', 'taskpane-list.png') });
    await page.getByRole('option', { name: /^Almere/ }).click();
    expect(await input.inputValue()).toBe('Almere');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
  });

  it('loads the workbook: all sheets, the gemeente, allocations, "stap x van y" and a Dutch status', async () => {
    const { page } = pane;
    await page.evaluate(() => {
      window.__progress = [];
      const seen = window.__progress;
      new MutationObserver(() => {
        const text = document.querySelector('.progress:not([hidden]) .progress-text')?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const before = await syncCount(page);
    await page.getByRole('button', { name: NL.actions.load }).click();
    await waitForMessage(page, 'status', NL.status.loaded('Almere', KEY_TEXTS['spuk-2025'].label));

    // What to look at next: a list labelled "Wat nu?" inside the status, Overzicht first, then the check
    // and how many amounts are published, derived or estimated; then the begroting.
    const steps = page.getByRole('status').getByRole('list', { name: NL.nextSteps.heading });
    const all = await steps.getByRole('listitem').allInnerTexts();
    // Almere receives SPUK AZWA 2027–2029 and entered no beschikking: the pane asks for it first.
    expect(all).toHaveLength(5);
    expect(all[0]).toBe(NL.nextSteps.azwaBeschikking([2027, 2028, 2029]));
    const items = all.slice(1);
    expect(items[0]).toBe(NL.nextSteps.overzicht);
    expect(items[1]).toBe(NL.nextSteps.controle(0));
    expect(items[2]).toMatch(
      /^Van de \d+ bedragen per onderdeel en jaar zijn er \d+ gepubliceerd, \d+ afgeleid/,
    );
    expect(items[3]).toBe(NL.nextSteps.begroting(0));

    const progress = await page.evaluate(() => window.__progress);
    expect(progress[0]).toMatch(/^Stap 1 van \d: Berekening voorbereiden$/);
    expect(progress.every((p) => /^Stap (\d) van (\d): \S/.test(p))).toBe(true);
    expect(progress[progress.length - 1]).toMatch(/^Stap (\d) van \1: /);
    expect(await page.locator('.progress').isHidden()).toBe(true);

    const sheets = await page.evaluate(() => window.__fakeExcel.sheetNames());
    // Every sheet but the Verantwoording, Realisatie and Besteding, built only with a realisatie
    // (werkboek --realisatie, or the pane's option).
    const withRealisatie: string[] = [SHEETS.verantwoording, SHEETS.realisatie, SHEETS.besteding];
    const always = Object.values(SHEETS).filter((name) => !withRealisatie.includes(name));
    expect(sheets).toEqual(expect.arrayContaining(always));
    expect(sheets).not.toContain(SHEETS.verantwoording);
    expect((await syncCount(page)) - before).toBe(2);

    // The chosen gemeente on Overzicht (the plan's Keuze_Gemeente name points at it).
    const chosen = await page.evaluate(() => window.__fakeExcel.name('Keuze_Gemeente')?.formula ?? '');
    const chosenCell = /!\$?([A-Z]+)\$?(\d+)$/.exec(chosen);
    expect(chosenCell).not.toBeNull();
    expect(await cellValue(page, SHEETS.overzicht, `${chosenCell?.[1]}${chosenCell?.[2]}`)).toBe(
      almere?.code,
    );

    // Allocatie holds live formulas per gemeente; Verdeelsleutel the weights of the key.
    const allocation = await page.evaluate(() => window.__fakeExcel.cell('Allocatie', 'E11'));
    expect(allocation?.formula).toMatch(/^=/);
    const weight = await weightCell(page, almere?.code ?? '');
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(almere2A?.totaal2025);

    expect(await page.getByRole('button', { name: NL.actions.refresh }).isEnabled()).toBe(true);
    await expectAccessible(page, 'loaded');
    expect(await horizontalOverflow(page)).toEqual([]);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    // The rendering itself: 360 px wide, the whole pane (taller than the window), not blank (a blank
    // page of that size is a few KB), small enough for the README.
    const png = fs.readFileSync(SCREENSHOT);
    const size = pngSize(png);
    expect(size.width).toBe(360);
    expect(size.height).toBeGreaterThan(760);
    expect(png.byteLength).toBeGreaterThan(40 * 1024);
    expect(png.byteLength).toBeLessThan(300 * 1024);
    // The README's copy only on purpose, so a test run leaves the tree clean; it must show this pane:
    // the same visible text (the words, not the pixels, which differ a little from machine to machine).
    keepPictureTrue('taskpane', SCREENSHOT, await page.locator('body').innerText());
  });

  it('refreshes and keeps a weight the user typed', async () => {
    const { page } = pane;
    const weight = await weightCell(page, almere?.code ?? '');
    await page.evaluate((address) => window.__fakeExcel.type('Verdeelsleutel', address, 12345), weight);
    const before = await page.evaluate(() => window.__fakeExcel.syncCount);
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    await waitForMessage(page, 'status', NL.status.refreshed('Almere'));
    expect(await page.getByRole('status').innerText()).toContain(NL.status.keptInputs(1));
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(12345);
    expect((await page.evaluate(() => window.__fakeExcel.syncCount)) - before).toBe(2);
  });

  it('asks before another key replaces the weights; "Annuleren" (Escape) changes nothing', async () => {
    const { page } = pane;
    const weight = await weightCell(page, almere?.code ?? '');
    await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.gelijk.label}`) }).check();
    const before = await page.evaluate(() => window.__fakeExcel.syncCount);
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    const dialog = page.getByRole('alertdialog', { name: NL.confirm.title });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(NL.confirm.text('SPUK 2025', 'Gelijk'));
    await expectAccessible(page, 'confirm');
    await page.screenshot({ path: path.join(ROOT, 'build', 'taskpane-confirm.png') });
    await page.keyboard.press('Escape');
    await waitForMessage(page, 'status', NL.status.cancelled('SPUK 2025'));
    expect(await dialog.isHidden()).toBe(true);
    expect(await page.evaluate(() => window.__fakeExcel.syncCount)).toBe(before);
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(12345);
  });

  it('replaces the weights with the new key after "Gewichten vervangen"', async () => {
    const { page } = pane;
    const weight = await weightCell(page, almere?.code ?? '');
    await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.inwoners.label}`) }).check();
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    const replace = page.getByRole('button', { name: NL.confirm.replace });
    await replace.waitFor();
    expect(await replace.evaluate((el) => el === document.activeElement)).toBe(true);
    await replace.click();
    await waitForMessage(page, 'status', NL.status.weightsReplaced(KEY_TEXTS.inwoners.label));
    // Focus returns to the button that started the work.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(NL.actions.refresh);
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(almere?.inwoners);
    expect(await page.evaluate(() => window.__officeSettings['spukBegroting'])).toMatchObject({
      gemeente: almere?.code,
      keyId: 'inwoners',
    });
  });

  it('shows a renderer failure in Dutch as an alert, never the raw Office message', async () => {
    const { page } = pane;
    await page.evaluate(() => {
      window.__fakeExcel.cellEditMode = true;
    });
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: /\S/ }).waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/cel|bewerk/i);
    expect(text).not.toMatch(/InvalidOperationInCellEditMode|RequestContext|Error/);
    await expectAccessible(page, 'error');
    await page.evaluate(() => {
      window.__fakeExcel.cellEditMode = false;
    });
  });

  it('section Beschikking: opens by keyboard, refuses cents (focused alert), then writes Almere’s € 3.478.172', async () => {
    const { page } = pane;
    const section = page.locator('details#beschikking');
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.locator('details#beschikking > summary').focus();
    await page.keyboard.press('Enter');
    expect(await section.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const paste = page.getByRole('textbox', { name: NL.beschikking.pasteLabel });
    expect(await paste.isVisible()).toBe(true);
    expect(await page.getByText(NL.beschikking.pasteHint).isVisible()).toBe(true);
    await expectAccessible(page, 'beschikking open');

    // Cents: refused, nothing written, the list of what to fix gets the focus.
    const before = await syncCount(page);
    await paste.fill('Brede SPUK\t\t2025\t3478172,50');
    await page.getByRole('button', { name: NL.beschikking.check }).click();
    const failures = page.locator('#beschikking-fouten');
    await failures.getByRole('listitem').first().waitFor();
    expect(await failures.getAttribute('role')).toBe('alert');
    expect(await failures.getByRole('listitem').allInnerTexts()).toEqual([
      'Rij 1: het bedrag "3478172,50" heeft centen. Bedragen in een beschikking zijn hele euro\'s: rond af op hele euro\'s, zonder decimalen.',
    ]);
    expect(await failures.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: NL.beschikking.apply }).isVisible()).toBe(false);
    expect(await syncCount(page)).toBe(before);
    await expectAccessible(page, 'beschikking refused');

    // A whole amount: a summary and the button; the click writes it on the sheet Beschikking.
    await paste.fill('Brede SPUK\t\t2025\t3.478.172');
    await page.getByRole('button', { name: NL.beschikking.check }).click();
    const summary = page.locator('#beschikking-samenvatting');
    await summary.filter({ hasText: 'samen €\u00a03.478.172' }).waitFor();
    expect(await summary.getAttribute('role')).toBe('status');
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      'Brede SPUK: 2025, €\u00a03.478.172',
    ]);
    expect(await failures.innerText()).toBe('');
    expect(await page.getByText(NL.beschikking.replaces).isVisible()).toBe(true);
    await expectAccessible(page, 'beschikking checked');
    await page.screenshot({ path: path.join(ROOT, 'build', 'taskpane-beschikking.png'), fullPage: true });
    await page.getByRole('button', { name: NL.beschikking.apply }).click();
    await waitForMessage(page, 'status', NL.beschikking.applied(1));
    const grid = await page.evaluate(
      (name) => window.__fakeExcel.name(name)?.formula ?? '',
      INPUT_NAMES.beschikking,
    );
    const [sheet = '', range = ''] = grid.replace(/^=/, '').replace(/\$/g, '').replace(/'/g, '').split('!');
    const values = await page.evaluate(({ sheet, range }) => window.__fakeExcel.values(sheet, range), {
      sheet,
      range,
    });
    expect(values.flat().filter((v) => typeof v === 'number')).toEqual([3_478_172]);
    // The normal load ran: the status says so, with the beschikking sentence.
    expect(await page.getByRole('status').first().innerText()).toContain(
      NL.status.loaded('Almere', 'Inwoners'),
    );
    await expectAccessible(page, 'beschikking written');
    await page.screenshot({
      path: path.join(ROOT, 'build', 'taskpane-beschikking-written.png'),
      fullPage: true,
    });
  });

  it('section Realisatie: refuses a bad amount (focused alert, its row), then fills the table Realisatie', async () => {
    const { page } = pane;
    await page.locator('details#realisatie > summary').click();
    const paste = page.getByRole('textbox', { name: NL.realisatiePaste.pasteLabel });
    expect(await paste.isVisible()).toBe(true);
    const years = editionYears(defaultEditionId());
    const good = realisatiePaste(years);
    const before = await syncCount(page);
    await paste.fill(`${good}\n${realisatieRow(years, 'Brede SPUK', 'Extra', { 2025: 'veel' })}`);
    await page.getByRole('button', { name: NL.realisatiePaste.check }).click();
    const failures = page.locator('#realisatie-fouten');
    await failures.getByRole('listitem').first().waitFor();
    expect((await failures.getByRole('listitem').allInnerTexts())[0]).toMatch(
      /^Rij 3: "veel" in kolom 2025 is geen bedrag\./,
    );
    expect(await failures.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: NL.realisatiePaste.apply }).isVisible()).toBe(false);
    expect(await syncCount(page)).toBe(before);
    await expectAccessible(page, 'realisatie refused');

    await paste.fill(good);
    await page.getByRole('button', { name: NL.realisatiePaste.check }).click();
    const summary = page.locator('#realisatie-samenvatting');
    await summary.filter({ hasText: 'samen €\u00a02.350.000 besteed' }).waitFor();
    expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
      'Brede SPUK: 2023–2025, €\u00a02.150.000',
      'SPUK IZA: 2023–2024, €\u00a0200.000',
    ]);
    await expectAccessible(page, 'realisatie checked');
    await page.getByRole('button', { name: NL.realisatiePaste.apply }).click();
    await waitForMessage(page, 'status', NL.realisatiePaste.applied(2));
    const rows = await page.evaluate((sheet) => window.__fakeExcel.values(sheet, 'A7:I8'), SHEETS.realisatie);
    expect(rows.map((r) => [r[0], r[2], r[6], r[7], r[8]])).toEqual([
      ['Brede SPUK', 'Buurtsportcoaches', 400_000, 1_450_000, 300_000],
      ['SPUK IZA', 'Regionaal plan', 120_000, 80_000, ''],
    ]);
    expect(await page.getByRole('checkbox', { name: NL.realisatie.label }).isChecked()).toBe(true);
    // The table is the user's now: another paste is added ("Toevoegen") or replaces its rows.
    expect(await page.getByRole('button', { name: NL.realisatiePaste.apply }).isVisible()).toBe(false);
    await page.getByRole('button', { name: NL.realisatiePaste.append }).click();
    // The same rows again would count twice: refused, naming them, and Vervangen suggested.
    await waitForMessage(page, 'alert', 'regel 1 (Brede SPUK, Buurtsportcoaches) staat al op rij 7');
    await page.screenshot({
      path: path.join(ROOT, 'build', 'taskpane-realisatie-toevoegen.png'),
      fullPage: true,
    });
    await expectAccessible(page, 'realisatie written');
    await page.getByRole('button', { name: NL.realisatiePaste.replace, exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.filter({ hasText: 'De tabel Realisatie heeft 2 regels' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ROOT, 'build', 'taskpane-realisatie-vervangen.png') });
    await expectAccessible(page, 'realisatie replace question');
    await dialog.getByRole('button', { name: NL.realisatiePaste.replaceAccept(2) }).click();
    await waitForMessage(page, 'status', NL.realisatiePaste.replaced(2, 2, KEPT_SHEET));
    expect(await page.evaluate(() => window.__fakeExcel.sheetNames())).toContain(KEPT_SHEET);
  });

  it('made no request outside the local server and logged no errors', () => {
    expect(pane.blocked).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});

describe('the narrow pane (320 px)', () => {
  it('shows every edition and comparison in full, without horizontal scrolling', async () => {
    const pane = await openPane({}, 320);
    const { page } = pane;
    try {
      await waitForMessage(page, 'status', NL.status.ready);
      expect(await horizontalOverflow(page)).toEqual([]);
      await page.screenshot({ path: path.join(ROOT, 'build', 'taskpane-320.png'), fullPage: true });
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe('"Vergelijk met editie" (the CLI\'s werkboek --van)', () => {
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane();
  });

  afterAll(async () => {
    await pane.context.close();
  });

  const gala = editionManifests().find((m) => m.id === 'gala-2023');

  it('compares with GALA 2023 when chosen: "Wat is er veranderd" goes from gala-2023, and the pane says so', async () => {
    const { page } = pane;
    await waitForMessage(page, 'status', NL.status.ready);
    const group = page.getByRole('group', { name: NL.compare.label });
    // The newest edition offers its vorige (default), GALA 2023 and "geen".
    expect(await group.getByRole('radio').count()).toBe(3);
    await page.locator('#vergelijk-gala-2023').check();
    await page.getByRole('combobox', { name: NL.gemeente.label }).fill('Almere');
    await page.getByRole('option', { name: /^Almere/ }).click();
    await page.getByRole('button', { name: NL.actions.load }).click();
    await waitForMessage(page, 'status', NL.status.loaded('Almere', KEY_TEXTS['spuk-2025'].label));
    expect(await page.getByRole('status').first().innerText()).toContain(
      NL.compare.compared(`${gala?.naam ?? ''} (31 januari 2023)`),
    );
    expect(await cellValue(page, SHEETS.verschil, 'A2')).toMatch(
      new RegExp(`^Van editie gala-2023 naar ${defaultEditionId()},`),
    );
    expect(await page.evaluate(() => window.__officeSettings['spukBegroting'])).toMatchObject({
      compareWith: 'gala-2023',
    });
    await expectAccessible(page, 'compared with gala-2023');
  });

  it('the first edition has nothing earlier: only "Geen vergelijking", checked', async () => {
    const { page } = pane;
    await page.locator('#editie-gala-2023').check();
    const group = page.getByRole('group', { name: NL.compare.label });
    expect(await group.getByRole('radio').count()).toBe(1);
    expect(await checkedIn(page, 'vergelijk')).toBe(NO_COMPARISON);
    expect(await page.getByText(NL.compare.noneOnly).isVisible()).toBe(true);
    // Back to the newest: its default again (gala-2023 was put aside with the other edition).
    await page.locator(`#editie-${defaultEditionId()}`).check();
    expect(await checkedIn(page, 'vergelijk')).toBe(COMPARE_DEFAULT);
  });

  it('"Geen vergelijking": the run says the sheet was not made or updated', async () => {
    const { page } = pane;
    await page.locator(`#vergelijk-${NO_COMPARISON}`).check();
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    await waitForMessage(page, 'status', NL.status.refreshed('Almere'));
    expect(await page.getByRole('status').first().innerText()).toContain(NL.compare.notCompared);
    expect(pane.errors).toEqual([]);
    expect(pane.blocked).toEqual([]);
  });
});

describe('keyboard', () => {
  it('finds a gemeente by everyday name and code with the keyboard alone', async () => {
    const pane = await openPane();
    const { page } = pane;
    try {
      await waitForMessage(page, 'status', NL.status.ready);
      await page.keyboard.press('Tab');
      const input = page.getByRole('combobox', { name: NL.gemeente.label });
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Den Haag');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      expect(await input.inputValue()).toBe("'s-Gravenhage");
      await page.keyboard.press('Control+A');
      await page.keyboard.type('0034');
      await page.keyboard.press('Enter');
      expect(await input.inputValue()).toBe('Almere');
      // Text that is no gemeente is undone on leaving the field, with a Dutch warning.
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Atlantis');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await waitForMessage(page, 'alert', NL.gemeente.invalid('Atlantis'));
      expect(await input.inputValue()).toBe('Almere');
      // Tab reaches the radios and the buttons.
      await page.keyboard.press('Space');
      expect(
        await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS['spuk-2025'].label}`) }).isChecked(),
      ).toBe(true);
      await page.keyboard.press('ArrowDown');
      expect(
        await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS['spuk-2026'].label}`) }).isChecked(),
      ).toBe(true);
    } finally {
      await pane.context.close();
    }
  });
});

describe('Excel’s number notation, read with the workbook at start (#17)', () => {
  /** Starts a pane, chooses Almere and checks a pasted beschikking of "400.000" for Brede SPUK 2025. */
  async function pasteFourHundredThousand(pane: Pane): Promise<void> {
    const { page } = pane;
    await waitForMessage(page, 'status', NL.status.ready);
    // The separators came with the start read: still one read-only sync.
    expect(await syncCount(page)).toBe(1);
    await page.getByRole('combobox', { name: NL.gemeente.label }).fill('Almere');
    await page.getByRole('option', { name: /^Almere/ }).click();
    await page.locator('details#beschikking > summary').click();
    await page.getByRole('textbox', { name: NL.beschikking.pasteLabel }).fill('Brede SPUK\t\t2025\t400.000');
    await page.getByRole('button', { name: NL.beschikking.check }).click();
    expect(await syncCount(page)).toBe(1);
  }

  it('an Excel-NL: a pasted "400.000" is € 400.000', async () => {
    const pane = await openPane();
    try {
      await pasteFourHundredThousand(pane);
      const summary = pane.page.locator('#beschikking-samenvatting');
      await summary.filter({ hasText: 'samen €\u00a0400.000' }).waitFor();
      expect(await summary.getByRole('listitem').allInnerTexts()).toEqual([
        'Brede SPUK: 2025, €\u00a0400.000',
      ]);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });

  it('an Excel without ExcelApi 1.11 (notation unknown): the same paste is refused as ambiguous', async () => {
    const pane = await openPane({ apiVersion: '1.10' });
    try {
      await pasteFourHundredThousand(pane);
      const failures = pane.page.locator('#beschikking-fouten');
      await failures.getByRole('listitem').first().waitFor();
      expect((await failures.getByRole('listitem').allInnerTexts()).join(' ')).toMatch(
        /"400\.000" in kolom .* kan 400000 zijn/,
      );
      expect(await pane.page.getByRole('button', { name: NL.beschikking.apply }).isVisible()).toBe(false);
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe('reopening a workbook the add-in built', () => {
  it('follows what the workbook remembers and offers "Vernieuwen"', async () => {
    const pane = await openPane({
      settings: { spukBegroting: { gemeente: almere?.code, keyId: 'inwoners', withRealisatie: true } },
    });
    const { page } = pane;
    try {
      await waitForMessage(page, 'status', NL.status.existing('Almere', KEY_TEXTS.inwoners.label));
      // The workbook could tell nothing (empty): the settings' option "Realisatie" shows, as a fallback.
      expect(await page.getByRole('checkbox', { name: NL.realisatie.label }).isChecked()).toBe(true);
      expect(await page.getByRole('combobox', { name: NL.gemeente.label }).inputValue()).toBe('Almere');
      expect(
        await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.inwoners.label}`) }).isChecked(),
      ).toBe(true);
      expect(await page.getByRole('button', { name: NL.actions.refresh }).isEnabled()).toBe(true);
      // The workbook's own marks come first (office-js #594, #642): Excel was asked once, found
      // nothing in this (empty) workbook, and only then the settings answered.
      expect(await syncCount(page)).toBe(1);
    } finally {
      await pane.context.close();
    }
  });
});

describe('reopening a workbook made without the add-in (CLI), without document settings', () => {
  const code = almere?.code ?? '';
  let pane: Pane;

  beforeAll(async () => {
    // The same plan the CLI writes (`spuk-begroting werkboek`), rendered before the pane opens.
    const editie = defaultEditionId();
    const vorige = editionManifests().find((m) => m.id === editie)?.vorige;
    const plan = buildWorkbookPlan(editionInput(editie), {
      key: 'inwoners',
      gemeente: code as CbsCode,
      vorige: vorige ? editionInput(vorige) : undefined,
    });
    pane = await openPane({ prebuild: plan });
  });

  afterAll(async () => {
    await pane.context.close();
  });

  it('reads gemeente and key from the workbook (2 syncs) and offers "Vernieuwen"', async () => {
    const { page } = pane;
    await waitForMessage(page, 'status', NL.status.existing('Almere', KEY_TEXTS.inwoners.label));
    expect(await page.evaluate(() => window.__officeSettings)).toEqual({});
    expect(await syncCount(page)).toBe(2);
    expect(await page.getByRole('combobox', { name: NL.gemeente.label }).inputValue()).toBe('Almere');
    expect(
      await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.inwoners.label}`) }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole('button', { name: NL.actions.refresh }).isEnabled()).toBe(true);
    await expectAccessible(page, 'existing CLI workbook');
  });

  it('asks before another key replaces the weights; "Annuleren" changes nothing', async () => {
    const { page } = pane;
    const weight = await weightCell(page, code);
    await page.evaluate((address) => window.__fakeExcel.type('Verdeelsleutel', address, 777), weight);
    await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.gelijk.label}`) }).check();
    const before = await syncCount(page);
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    const dialog = page.getByRole('alertdialog', { name: NL.confirm.title });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(NL.confirm.text('Inwoners', 'Gelijk'));
    await page.getByRole('button', { name: NL.confirm.cancel }).click();
    await waitForMessage(page, 'status', NL.status.cancelled('Inwoners'));
    expect(await syncCount(page)).toBe(before);
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(777);
    expect(await cellValue(page, SHEETS.verdeelsleutel, 'B5')).toBe('inwoners');
  });

  it('refreshes with the workbook’s key in 2 syncs and keeps the typed weight', async () => {
    const { page } = pane;
    const weight = await weightCell(page, code);
    await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.inwoners.label}`) }).check();
    const before = await syncCount(page);
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    await waitForMessage(page, 'status', NL.status.refreshed('Almere'));
    expect((await syncCount(page)) - before).toBe(2);
    expect(await page.getByRole('status').innerText()).toContain(NL.status.keptInputs(1));
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(777);
    expect(await page.evaluate(() => window.__officeSettings['spukBegroting'])).toMatchObject({
      gemeente: code,
      keyId: 'inwoners',
    });
  });

  it('after "Gewichten vervangen" weights and label agree on the new key', async () => {
    const { page } = pane;
    const weight = await weightCell(page, code);
    await page.getByRole('radio', { name: new RegExp(`^${KEY_TEXTS.gelijk.label}`) }).check();
    await page.getByRole('button', { name: NL.actions.refresh }).click();
    await page.getByRole('button', { name: NL.confirm.replace }).click();
    await waitForMessage(page, 'status', NL.status.weightsReplaced(KEY_TEXTS.gelijk.label));
    const gelijk = builtInKey('gelijk', data);
    const index = data.gemeenten.findIndex((g) => g.code === code);
    expect(await cellValue(page, SHEETS.verdeelsleutel, weight)).toBe(gelijk.weights[index]);
    expect(await cellValue(page, SHEETS.verdeelsleutel, 'B5')).toBe('gelijk');
  });

  it('made no request outside the local server and logged no errors', () => {
    expect(pane.blocked).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});

describe('reopening a workbook with the sheet Realisatie, without document settings', () => {
  it('ticks "Bladen Realisatie en Verantwoording toevoegen" from the workbook’s mark (still 2 syncs)', async () => {
    const plan = buildWorkbookPlan(editionInput(defaultEditionId()), {
      key: 'spuk-2025',
      gemeente: (almere?.code ?? '') as CbsCode,
      realisatie: { regels: [], prognoseJaar: undefined },
    });
    const pane = await openPane({ prebuild: plan });
    const { page } = pane;
    try {
      await waitForMessage(page, 'status', NL.status.existing('Almere', KEY_TEXTS['spuk-2025'].label));
      expect(await syncCount(page)).toBe(2);
      const option = page.getByRole('checkbox', { name: NL.realisatie.label });
      expect(await option.isChecked()).toBe(true);
      // Unticked by the user, the next refresh leaves the option out of the settings.
      await option.uncheck();
      await page.getByRole('button', { name: NL.actions.refresh }).click();
      await waitForMessage(page, 'status', NL.status.refreshed('Almere'));
      expect(await page.evaluate(() => window.__officeSettings['spukBegroting'])).not.toHaveProperty(
        'withRealisatie',
      );
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.context.close();
    }
  });
});

describe('outside Excel', () => {
  it.each([
    ['a plain browser (office.js loads, no host)', { host: null }, NL.environment.noHost],
    ['Word', { host: 'Word' }, NL.environment.otherHost('Word')],
    ['a page where office.js cannot load', { blockOffice: true }, NL.environment.noOffice],
    ['an Excel without ExcelApi 1.9', { apiVersion: '1.8' }, NL.environment.unsupported],
  ] as const)('says so in Dutch in %s', async (_, options, text) => {
    const pane = await openPane(options);
    const { page } = pane;
    try {
      await waitForMessage(page, 'alert', text);
      expect(await page.getByRole('button', { name: NL.actions.load }).isVisible()).toBe(false);
      expect(pane.errors).toEqual([]);
      await expectAccessible(page, `outside: ${String(options)}`);
      if ('host' in options && options.host === null) {
        await page.screenshot({
          path: path.join(ROOT, 'build', 'taskpane-outside-excel.png'),
          fullPage: true,
        });
      }
    } finally {
      await pane.context.close();
    }
  });
});

describe('a webview that cannot run the bundle (EdgeHTML / Trident, office-js #2909)', () => {
  it('shows the Dutch ES5 fallback when the pane’s script does not run, and hides it when it does', async () => {
    const pane = await openPane({ blockBundle: true });
    const { page } = pane;
    try {
      const fallback = page.getByRole('alert').filter({ hasText: 'SPUK-begroting kan hier niet starten' });
      await fallback.waitFor({ timeout: 30_000 });
      expect(await fallback.textContent()).toContain('WebView2');
      expect(await page.getByRole('button', { name: NL.actions.load }).count()).toBe(0);
      expect(pane.blocked.some((url) => url.endsWith('.js'))).toBe(true);
      await expectAccessible(page, 'fallback');
    } finally {
      await pane.context.close();
    }
    const working = await openPane();
    try {
      await working.page.getByRole('button', { name: NL.actions.load }).waitFor({ timeout: 30_000 });
      await working.page.waitForLoadState('load');
      expect(await working.page.locator('#oude-browser').isHidden()).toBe(true);
    } finally {
      await working.context.close();
    }
  });
});
