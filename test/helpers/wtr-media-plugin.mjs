/**
 * A test-runner command that emulates CSS media features through the DevTools protocol, forced
 * colours among them (puppeteer's own emulateMediaFeatures refuses that one):
 * `executeServerCommand('mme-media', [{ name: 'forced-colors', value: 'active' }])`; `[]` resets.
 */
export function mediaPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'mme-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'mme-media') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}
