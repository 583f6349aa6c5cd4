/**
 * Which Chromium the end-to-end tests drive: Playwright's own when it is installed,
 * else the system's (Debian's /usr/bin/chromium). Playwright cannot download browsers on our CI machines.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not installed: use the system's.
  }
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

/** Software WebGL that behaves the same on every machine, and no background traffic to outside hosts. */
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--autoplay-policy=no-user-gesture-required',
  // A browser window preloads the address bar's popup (a WebUI page in its own renderer): seconds of CPU per
  // launch that no headless test ever shows.
  '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
