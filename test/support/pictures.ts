/**
 * The README's pictures (docs/img/*.png) stay true: each picture test renders its picture to build/ and
 * reads the text the picture shows (the Overzicht: pdftotext of the same part of the printed page; the
 * task pane: its visible text). `UPDATE_PICTURES=1` (`npm run pictures`) copies the picture to docs/img/
 * and writes that text beside it (docs/img/<name>.txt); every other run compares the text with the
 * tracked one and fails when they differ, so a change the README's picture does not show fails the tests.
 * The text, not the pixels: the same text renders with slightly different pixels on another machine;
 * and the text without its spacing (`sameText`), which depends on the fonts too ("€ 0" or "€0").
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the README's pictures and their texts are kept. */
export const PICTURES_DIR = path.join(ROOT, 'docs', 'img');
/** The one command that remakes every picture of the README (package.json "pictures"). */
export const PICTURES_COMMAND = 'npm run pictures';

/** The text as compared: each line's words separated by one space, no empty lines, ending in a newline. */
export function normalizePictureText(text: string): string {
  const lines = text
    .split(/\r?\n|\f/)
    .map((line) => line.trim().split(/\s+/).join(' '))
    .filter((line) => line !== '');
  return lines.join('\n') + '\n';
}

/** Whether two texts have the same characters in the same order, whatever the spacing and line breaks. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}

/** Whether this run remakes the README's pictures (`UPDATE_PICTURES=1`). */
export function updatingPictures(): boolean {
  return process.env['UPDATE_PICTURES'] === '1';
}

/**
 * With `UPDATE_PICTURES=1`: copy `rendered` (a PNG under build/) to docs/img/<name>.png and write `text`
 * to docs/img/<name>.txt. Otherwise: fail, naming the command, when docs/img/<name>.txt is missing or
 * differs from `text` (the lines that differ are listed). `dir`: docs/img, another only in its own test.
 */
export function keepPictureTrue(name: string, rendered: string, text: string, dir = PICTURES_DIR): void {
  const shown = normalizePictureText(text);
  const picture = path.join(dir, `${name}.png`);
  const textFile = path.join(dir, `${name}.txt`);
  if (updatingPictures()) {
    fs.copyFileSync(rendered, picture);
    fs.writeFileSync(textFile, shown);
    return;
  }
  const rel = (file: string) => path.relative(ROOT, file);
  const fix =
    `Run \`${PICTURES_COMMAND}\` (UPDATE_PICTURES=1) and commit docs/img. / ` +
    `Maak de plaatjes opnieuw met \`${PICTURES_COMMAND}\` en commit docs/img.`;
  if (!fs.existsSync(textFile))
    throw new Error(`${rel(textFile)} is missing: the text of ${rel(picture)} is not tracked. ${fix}`);
  const tracked = normalizePictureText(fs.readFileSync(textFile, 'utf8'));
  if (sameText(tracked, shown)) return;
  throw new Error(
    `${rel(picture)} is out of date: it no longer shows what ${rel(rendered)} shows now ` +
      `(het plaatje in de README is verouderd). ${fix}\n${lineDiff(tracked, shown)}`,
  );
}

/** The lines only in the tracked text (-) and only in the current one (+), at most 20 of each. */
function lineDiff(tracked: string, current: string): string {
  const a = tracked.split('\n').filter((l) => l !== '');
  const b = current.split('\n').filter((l) => l !== '');
  const inA = new Set(a);
  const inB = new Set(b);
  const gone = a.filter((l) => !inB.has(l)).slice(0, 20);
  const added = b.filter((l) => !inA.has(l)).slice(0, 20);
  const order = gone.length === 0 && added.length === 0 ? ['  (the same lines in another order)'] : [];
  return [...gone.map((l) => `- ${l}`), ...added.map((l) => `+ ${l}`), ...order].join('\n');
}
