// Debian's chromium, headless, driven by playwright-core (never a browser of Playwright's own:
// nothing is downloaded). Playwright gives each launch a fresh --user-data-dir of its own.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CSPHUB_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
