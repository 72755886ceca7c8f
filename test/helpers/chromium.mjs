// How every test and the bench start Debian's Chromium: one list of flags, one binary.

/** The Chromium binary `npm test` found (CHROME_PATH), else Debian's. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Flags Chromium needs here: as root it needs --no-sandbox, and on a closed network it would keep
 * trying to reach Google's hosts without the background-networking ones.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Launch options for puppeteer-core. */
export const launchOptions = { executablePath: chromiumPath, headless: true, args: chromiumArgs };
