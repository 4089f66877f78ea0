import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { CHROMIUM, launchChromium } from '../test/browser/chromium';
import { serveDirectory } from '../test/browser/static-server';
import type { Sample } from './stats';
import { sample } from './stats';

export interface Asset {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

/** The production task-pane assets in dist/ (JS and CSS, raw and gzip -9). */
export function taskpaneAssets(dist = 'dist'): Asset[] {
  if (!fs.existsSync(dist)) return [];
  return fs
    .readdirSync(dist)
    .filter((f) => /^taskpane.*\.(js|css)$/.test(f))
    .map((file) => {
      const bytes = fs.readFileSync(path.join(dist, file));
      return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
}

/**
 * Time to first render of dist/taskpane.html in headless Chromium: ms from navigation start until
 * the gemeente field is in the DOM. office.js is stubbed (no network); outside Excel the pane still
 * renders its form, so this measures our bundle, not Office.
 */
export async function firstRender(runs: number, dist = 'dist'): Promise<Sample | string> {
  if (!fs.existsSync(path.join(dist, 'taskpane.html')))
    return 'dist/taskpane.html ontbreekt: draai eerst npm run build';
  if (!fs.existsSync(CHROMIUM)) return `Chromium niet gevonden op ${CHROMIUM}`;
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(server.origin)) return route.continue();
        if (url.includes('office.js'))
          return route.fulfill({
            contentType: 'text/javascript',
            body: 'window.Office={onReady:function(){return Promise.resolve({host:"Excel"})},HostType:{Excel:"Excel"},context:{requirements:{isSetSupported:function(){return true}}}};',
          });
        return route.abort();
      });
      await page.goto(`${server.origin}/taskpane.html`);
      await page.waitForSelector('input', { state: 'attached' });
      const t = await page.evaluate(() => performance.now());
      if (i > 0) times.push(t);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return sample(times);
}
