import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/components/chat-button/chat-button.js';
import type { MmeChatButton } from '../../src/components/chat-button/chat-button.js';
import '../../src/components/qr-code/qr-code.js';
import type { MmeQrCode } from '../../src/components/qr-code/qr-code.js';
import { captureConsole } from '../helpers/console.js';
import { expectWarned } from '../helpers/invalid.js';
import { centre } from '../helpers/navigations.js';

const PAGE = 'OriginalCoastClothing';
const WEEK = 'Mo-Fr 09:00-18:00; Sa 10:00-14:00';

async function render(template: ReturnType<typeof html>, selector = 'mme-chat-button'): Promise<MmeChatButton> {
  const root = await fixture<HTMLElement>(template);
  const element = (root.matches(selector) ? root : root.querySelector(selector)!) as MmeChatButton;
  await element.updateComplete;
  return element;
}
const shadow = (element: MmeChatButton) => element.shadowRoot!;
const label = (element: MmeChatButton) => shadow(element).querySelector('[part=label]')?.textContent?.trim();
const bubble = (element: MmeChatButton) => shadow(element).querySelector<HTMLElement>('[part=greeting] .bubble-card');

/** Sets the page's clock to `iso`, still ticking from there; returns the undo. */
function setClock(iso: string): () => void {
  const real = Date.now;
  const offset = Date.parse(iso) - real();
  Date.now = () => real() + offset;
  return () => {
    Date.now = real;
  };
}

describe('<mme-chat-button>: opening hours, the visitor\'s language, a greeting with a face', () => {
  let restoreClock = () => {};
  afterEach(async () => {
    restoreClock();
    await executeServerCommand('mme-timezone', '');
    await resetMouse();
  });

  describe('the visitor\'s language', () => {
    const labels: [string, string, string][] = [
      ['es', 'Escríbenos', 'Escríbenos en Instagram'],
      ['pt-BR', 'Fale conosco', 'Fale conosco no Instagram'],
      ['ja', 'メッセージを送る', 'Instagramでメッセージを送る'],
      ['de-AT', 'Schreib uns', 'Schreib uns auf Instagram'],
      ['sw', 'Message us', 'Message us on Instagram'],
    ];
    for (const [lang, chat, instagram] of labels) {
      it(`speaks ${lang} from the nearest lang, with no configuration`, async () => {
        const root = await fixture<HTMLElement>(html`<div lang=${lang}><mme-chat-button page=${PAGE}></mme-chat-button><mme-chat-button instagram="coast"></mme-chat-button></div>`);
        const [messenger, ig] = [...root.querySelectorAll('mme-chat-button')];
        await messenger.updateComplete;
        await ig.updateComplete;
        expect(label(messenger)).to.equal(chat);
        expect(label(ig)).to.equal(instagram);
      });
    }

    it("takes the element's own lang before the page's, and the label attribute before both", async () => {
      const root = await fixture<HTMLElement>(html`<div lang="fr"><mme-chat-button page=${PAGE} lang="it"></mme-chat-button><mme-chat-button page=${PAGE} label="Chat"></mme-chat-button></div>`);
      const [own, labelled] = [...root.querySelectorAll('mme-chat-button')];
      await own.updateComplete;
      await labelled.updateComplete;
      expect(label(own)).to.equal('Scrivici');
      expect(label(labelled)).to.equal('Chat');
    });

    it('says the popover and its buttons in the page\'s language, each settable by an attribute', async () => {
      const element = await render(html`<div lang="de"><mme-chat-button page=${PAGE} handoff="qr" greeting="Hallo!" greeting-delay="0"></mme-chat-button></div>`);
      await waitUntil(() => bubble(element), 'the greeting shows', { timeout: 10_000 });
      expect(bubble(element)!.querySelector('.close')!.getAttribute('aria-label')).to.equal('Ausblenden');
      await sendMouse({ type: 'click', position: centre(shadow(element).querySelector('a[part=base]')!) });
      await waitUntil(() => shadow(element).querySelector('[part=popover] mme-qr-code'), 'the popover opens', { timeout: 10_000 });
      const popover = shadow(element).querySelector('[part=popover]')!;
      expect(popover.querySelector('#popover-title')!.textContent).to.equal('Mit dem Handy scannen');
      expect(popover.querySelector('a')!.textContent).to.equal('Messenger auf diesem Computer öffnen');
      expect(popover.querySelector('.close')!.getAttribute('aria-label')).to.equal('Schließen');
      expect(popover.querySelector('mme-qr-code')!.getAttribute('label')).to.equal(`QR-Code: Öffne Messenger auf deinem Handy, um ${PAGE} zu schreiben`);
      await Promise.all(popover.getAnimations({ subtree: true }).map((animation) => animation.finished));
      await expect(element).to.be.accessible();
      element.popoverTitle = 'Scannen Sie den Code';
      element.openHereLabel = 'Hier öffnen';
      element.closeLabel = 'Zu';
      await element.updateComplete;
      expect(popover.querySelector('#popover-title')!.textContent).to.equal('Scannen Sie den Code');
      expect(popover.querySelector('a')!.textContent).to.equal('Hier öffnen');
      expect(popover.querySelector('.close')!.getAttribute('aria-label')).to.equal('Zu');
    });

    it("names a QR code, and its download buttons, in the page's language", async () => {
      const root = await fixture<HTMLElement>(html`<div lang="es"><mme-qr-code page=${PAGE} download></mme-qr-code><mme-qr-code instagram="coast" lang="ja"></mme-qr-code></div>`);
      const [messenger, instagram] = [...root.querySelectorAll('mme-qr-code')] as MmeQrCode[];
      await messenger.updateComplete;
      await instagram.updateComplete;
      expect(messenger.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal(`Código QR: escribe a ${PAGE} en Messenger`);
      expect([...messenger.shadowRoot!.querySelectorAll('[part=downloads] button')].map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Descargar PNG', 'Descargar SVG']);
      expect(instagram.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal('QRコード: Instagramでcoastにメッセージを送る');
      await expect(messenger).to.be.accessible();
    });

    it('speaks Hebrew on a Hebrew page', async () => {
      const element = await render(html`<div lang="he" dir="rtl"><mme-chat-button page=${PAGE}></mme-chat-button></div>`);
      expect(label(element)).to.equal('שלחו לנו הודעה');
    });

    it('mirrors on an Arabic page: Arabic words, and a bottom-right button on the left', async () => {
      await setViewport({ width: 800, height: 600 });
      const element = await render(html`<div lang="ar" dir="rtl"><mme-chat-button page=${PAGE} position="bottom-right"></mme-chat-button></div>`);
      expect(label(element)).to.equal('راسلنا');
      const box = shadow(element).querySelector('a')!.getBoundingClientRect();
      expect(box.left, 'at the left edge').to.be.closeTo(20, 1);
      await expect(element).to.be.accessible();
    });

    it('shows nothing until its language has loaded, so the label never changes under the reader', async () => {
      const root = document.createElement('div');
      root.lang = 'ko';
      root.innerHTML = `<mme-chat-button page="${PAGE}"></mme-chat-button>`;
      const seen: string[] = [];
      const element = root.querySelector('mme-chat-button') as MmeChatButton;
      const observer = new MutationObserver(() => seen.push(label(element) ?? ''));
      document.body.append(root);
      observer.observe(element.shadowRoot!, { childList: true, subtree: true, characterData: true });
      await element.updateComplete;
      observer.disconnect();
      root.remove();
      expect(seen.filter(Boolean)).to.deep.equal(['메시지 보내기']);
    });
  });

  describe('opening hours', () => {
    it("is away outside the hours in the business's zone, and its away note says when it opens, in the visitor's words and time", async () => {
      // Saturday 2026-12-05, 16:30 in Berlin; the visitor is in Tokyo (00:30 on Sunday there).
      restoreClock = setClock('2026-12-05T15:30:00Z');
      await executeServerCommand('mme-timezone', 'Asia/Tokyo');
      const element = await render(html`<div lang="en"><mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" greeting="Questions? Ask us." greeting-delay="0"></mme-chat-button></div>`);
      expect(element.hasAttribute('away')).to.equal(true);
      expect(shadow(element).querySelector('a[part=base]'), 'the button stays').to.not.equal(null);
      await waitUntil(() => bubble(element), 'the away note shows in the greeting\'s place', { timeout: 10_000 });
      // Monday 09:00 in Berlin is 17:00 on Monday in Tokyo.
      expect(bubble(element)!.querySelector('.greeting-text')!.textContent).to.equal("We're away. We reply from Monday 5:00 PM.");
      await Promise.all(bubble(element)!.getAnimations({ subtree: true }).map((animation) => animation.finished));
      await expect(element).to.be.accessible();
    });

    it('writes the away note in the page\'s language, or as the away-message attribute says', async () => {
      restoreClock = setClock('2026-12-05T15:30:00Z');
      await executeServerCommand('mme-timezone', 'Europe/Madrid');
      const spanish = await render(html`<div lang="es"><mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" greeting-delay="0"></mme-chat-button></div>`);
      await waitUntil(() => bubble(spanish), 'the away note shows', { timeout: 10_000 });
      expect(bubble(spanish)!.textContent).to.contain('Ahora no estamos. Respondemos desde el lunes, 9:00.');
      const own = await render(html`<mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" greeting-delay="0" away-message="Back {time}!"></mme-chat-button>`);
      await waitUntil(() => bubble(own), 'the away note shows', { timeout: 10_000 });
      expect(bubble(own)!.querySelector('.greeting-text')!.textContent).to.equal('Back Monday 9:00 AM!');
    });

    it('is open inside the hours: no away attribute, the greeting as written', async () => {
      restoreClock = setClock('2026-12-07T10:00:00Z');
      const element = await render(html`<mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" greeting="Questions? Ask us." greeting-delay="0"></mme-chat-button>`);
      expect(element.hasAttribute('away')).to.equal(false);
      await waitUntil(() => bubble(element), 'the greeting shows', { timeout: 10_000 });
      expect(bubble(element)!.querySelector('.greeting-text')!.textContent).to.equal('Questions? Ask us.');
    });

    it('hides with when-away="hide", and comes back by itself when the business opens, with no polling', async () => {
      // Two seconds before Monday 09:00 in Berlin.
      restoreClock = setClock('2026-12-07T07:59:58Z');
      const timers: number[] = [];
      const realSetTimeout = window.setTimeout;
      window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
        timers.push(delay ?? 0);
        return realSetTimeout(handler, delay, ...rest);
      }) as typeof setTimeout;
      try {
        const element = await render(html`<mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" when-away="hide"></mme-chat-button>`);
        expect(element.hasAttribute('away')).to.equal(true);
        expect(element.getBoundingClientRect().width, 'hidden').to.equal(0);
        expect(shadow(element).querySelector('a'), 'no link to tab to').to.equal(null);
        await waitUntil(() => !element.hasAttribute('away'), 'it opens at 09:00', { timeout: 6000 });
        await element.updateComplete;
        expect(element.getBoundingClientRect().width).to.be.above(40);
        expect(shadow(element).querySelector('a[part=base]')).to.not.equal(null);
        // One timer for the next opening, set when the hours are read; no polling.
        const opening = timers.filter((delay) => delay > 1000 && delay < 5000);
        expect(opening, 'one timer for the opening').to.have.length(1);
        expect(opening[0], 'for 09:00, a second after').to.be.within(2000, 3100);
        // Open now, it waits for 18:00: one timer of nine hours.
        expect(timers.filter((delay) => Math.abs(delay - 9 * 3600_000) < 5000)).to.have.length(1);
      } finally {
        window.setTimeout = realSetTimeout;
      }
    });

    it('says nothing while hidden away, and reads its hours again when put back on the page', async () => {
      restoreClock = setClock('2026-12-05T15:30:00Z');
      const element = await render(html`<mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" when-away="hide" greeting="Hi" greeting-delay="0"></mme-chat-button>`);
      let shown = 0;
      element.addEventListener('mme-greeting-show', () => shown++);
      await aTimeout(300);
      expect(shown, 'no greeting from a hidden button').to.equal(0);
      const parent = element.parentElement!;
      element.remove();
      restoreClock();
      restoreClock = setClock('2026-12-07T10:00:00Z');
      parent.append(element);
      await waitUntil(() => !element.hasAttribute('away'), 'open again, read on its return', { timeout: 5000 });
    });

    it('keeps closed-on dates closed', async () => {
      restoreClock = setClock('2026-12-24T10:00:00Z');
      const element = await render(html`<mme-chat-button page=${PAGE} hours=${WEEK} timezone="Europe/Berlin" closed-on="2026-12-24, 2026-12-25"></mme-chat-button>`);
      expect(element.hasAttribute('away')).to.equal(true);
    });

    it('shows as always open, with a warning naming the bad part, for hours, a zone or dates it cannot read', async () => {
      // Sunday: outside WEEK, so only unreadable hours leave the button open.
      restoreClock = setClock('2026-12-06T10:00:00Z');
      const hours = (await expectWarned('mme-chat-button', { page: PAGE, hours: 'Mo-Fr 9-18', timezone: 'Europe/Berlin' }, 'hours-invalid')) as MmeChatButton;
      expect(hours.problems[0].message).to.contain('"9"');
      expect(hours.hasAttribute('away'), 'always open').to.equal(false);
      hours.remove();
      for (const [attributes, code] of [
        [{ page: PAGE, hours: WEEK, timezone: 'Mars/Olympus' }, 'timezone-invalid'],
        [{ page: PAGE, hours: WEEK, timezone: 'UTC', 'closed-on': '24/12' }, 'closed-on-invalid'],
      ] as const) {
        const element = await expectWarned('mme-chat-button', attributes, code);
        expect(element.hasAttribute('away'), `${code}: always open`).to.equal(false);
        element.remove();
      }
      (await expectWarned('mme-chat-button', { page: PAGE, hours: WEEK, timezone: 'UTC', 'when-away': 'vanish' }, 'when-away-invalid')).remove();
    });

    it("reads hours without a timezone in the visitor's zone, and warns once", async () => {
      const console = captureConsole();
      try {
        const element = await render(html`<mme-chat-button page=${PAGE} hours="Mo-Su"></mme-chat-button>`);
        element.label = 'Chat';
        await element.updateComplete;
        expect(console.warnings.filter((w) => w.includes('timezone-missing'))).to.have.length(1);
        expect(element.hasAttribute('away')).to.equal(false);
      } finally {
        console.restore();
      }
    });
  });

  describe('a greeting with a face', () => {
    it('shows the name and the picture, requesting the picture only when the greeting shows', async () => {
      const avatar = `/demo/favicon.svg?${Math.random()}`;
      const element = await render(html`<mme-chat-button page=${PAGE} greeting="Hi! I'm here to help." greeting-name="Rosa" greeting-avatar=${avatar} greeting-delay="0.5"></mme-chat-button>`);
      const requested = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes(avatar));
      expect(requested(), 'no request before the greeting').to.equal(false);
      await waitUntil(() => bubble(element), 'the greeting shows', { timeout: 10_000 });
      const img = bubble(element)!.querySelector('img')!;
      expect(img.getAttribute('alt'), 'the name says who it is').to.equal('');
      expect(bubble(element)!.querySelector('.greeting-name')!.textContent).to.equal('Rosa');
      await waitUntil(requested, 'the picture is requested now', { timeout: 5000 });
      await Promise.all(bubble(element)!.getAnimations({ subtree: true }).map((animation) => animation.finished));
      await expect(element).to.be.accessible();
      const unsafe = await expectWarned('mme-chat-button', { page: PAGE, greeting: 'Hi', 'greeting-avatar': 'javascript:alert(1)', 'greeting-delay': '0' }, 'greeting-avatar-invalid');
      await waitUntil(() => bubble(unsafe as MmeChatButton), 'the greeting shows, without the picture', { timeout: 10_000 });
      expect(bubble(unsafe as MmeChatButton)!.querySelector('img')).to.equal(null);
      unsafe.remove();
      // A picture that fails to load is hidden, not drawn as a broken image.
      const broken = await render(html`<mme-chat-button page=${PAGE} greeting="Hi" greeting-avatar="/no-such-picture.png" greeting-delay="0"></mme-chat-button>`);
      await waitUntil(() => bubble(broken)?.querySelector('img')?.hidden, 'the broken picture is hidden', { timeout: 10_000 });
      (await expectWarned('mme-chat-button', { page: PAGE, greeting: 'Hi', 'greeting-avatar': 'data:image/png;base64,AAAA' }, 'greeting-avatar-invalid')).remove();
    });

    it('greets once the visitor has scrolled half the page (greeting-on="scroll:50")', async () => {
      const root = await fixture<HTMLElement>(html`<div><div style="height:3000px"></div><mme-chat-button page=${PAGE} position="bottom-right" greeting="Still looking?" greeting-on="scroll:50"></mme-chat-button></div>`);
      const element = root.querySelector('mme-chat-button')!;
      await element.updateComplete;
      window.scrollTo(0, 0);
      await aTimeout(300);
      expect(bubble(element), 'not at the top').to.equal(null);
      const shown = oneEvent(element, 'mme-greeting-show');
      window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.6);
      await shown;
      window.scrollTo(0, 0);
    });

    it('greets when a desktop pointer leaves for the browser\'s tabs (greeting-on="exit"), once a page view', async () => {
      const element = await render(html`<mme-chat-button page=${PAGE} greeting="Before you go…" greeting-on="exit"></mme-chat-button>`);
      await aTimeout(200);
      expect(bubble(element)).to.equal(null);
      document.dispatchEvent(new MouseEvent('mouseout', { clientX: 300, clientY: 200, relatedTarget: document.body }));
      await aTimeout(200);
      expect(bubble(element), 'moving inside the page is not leaving').to.equal(null);
      const shown = oneEvent(element, 'mme-greeting-show');
      document.dispatchEvent(new MouseEvent('mouseout', { clientX: 300, clientY: -5, relatedTarget: null }));
      await shown;
      element.dismissGreeting();
      await element.updateComplete;
      document.dispatchEvent(new MouseEvent('mouseout', { clientX: 300, clientY: -5, relatedTarget: null }));
      await aTimeout(300);
      expect(bubble(element), 'not again in this page view').to.equal(null);
      (await expectWarned('mme-chat-button', { page: PAGE, greeting: 'Hi', 'greeting-on': 'scroll:150' }, 'greeting-on-invalid')).remove();
    });
  });
});
