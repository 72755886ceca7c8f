/**
 * A test-runner command that takes a real screenshot of part of the page, as Chromium drew it:
 * `executeServerCommand('mme-screenshot', { x, y, width, height })` → base64 PNG.
 */
export function screenshotPlugin() {
  return {
    name: 'mme-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'mme-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      return page.screenshot({ clip: payload, encoding: 'base64' });
    },
  };
}
