/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work here).
 * The flags keep it off the network: without the background-networking ones it tries to reach
 * Google's hosts at every start.
 */
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Dutch, as the controller's Excel: Intl and navigator.language say nl-NL ("€ 1.234.567").
  '--lang=nl-NL',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}
