/**
 * Test-runner commands that emulate what a page can sense of the device, through the DevTools
 * protocol (puppeteer's own emulateMediaFeatures refuses forced-colors):
 * - `executeServerCommand('mme-media', [{ name: 'forced-colors', value: 'active' }])`; `[]` resets.
 * - `executeServerCommand('mme-touch', true)`: a touch screen and no mouse (pointer: coarse); false resets.
 * - `executeServerCommand('mme-timezone', 'Asia/Tokyo')`: the visitor's time zone; '' resets.
 */
export function mediaPlugin() {
  const sessions = new WeakMap();
  const cdp = async (page) => {
    if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
    return sessions.get(page);
  };
  return {
    name: 'mme-media',
    async executeCommand({ command, payload, session }) {
      if (command === 'mme-media') {
        await (await cdp(session.browser.getPage(session.id))).send('Emulation.setEmulatedMedia', { features: payload });
        return true;
      }
      if (command === 'mme-touch') {
        await (await cdp(session.browser.getPage(session.id))).send('Emulation.setTouchEmulationEnabled', payload ? { enabled: true, maxTouchPoints: 5 } : { enabled: false });
        return true;
      }
      if (command === 'mme-timezone') {
        await (await cdp(session.browser.getPage(session.id))).send('Emulation.setTimezoneOverride', { timezoneId: payload });
        return true;
      }
      return undefined;
    },
  };
}
