import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
import { expandRef, pageContext } from '../../src/link/index.js';
import '../../src/components/chat-button/chat-button.js';
import type { MmeChatButton } from '../../src/components/chat-button/chat-button.js';
import type { MmeQrCode } from '../../src/components/qr-code/qr-code.js';
import { decodeOnScreen } from '../helpers/decode.js';
import { captureConsole } from '../helpers/console.js';
import { expectInvalid, expectWarned } from '../helpers/invalid.js';
import { expectSecondCopyKeepsFirst } from '../helpers/second-copy.js';
import { centre, followed, recordNavigations } from '../helpers/navigations.js';

const PAGE = 'OriginalCoastClothing';

async function render(template: ReturnType<typeof html>): Promise<MmeChatButton> {
  const element = await fixture<MmeChatButton>(template);
  await element.updateComplete;
  return element;
}

const linkOf = (element: MmeChatButton) => element.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=base]');

describe('<mme-chat-button>', () => {
  const clicks = recordNavigations();

  it('renders a real link with the icon and "Message us", opening in a new tab safely', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} ref="summer_coupon" text="Hi!"></mme-chat-button>`);
    const link = linkOf(element)!;
    expect(link.href).to.equal(`https://m.me/${PAGE}?ref=summer_coupon&text=Hi!`);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.querySelector('[part=icon]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(link.querySelector('[part=label]')!.textContent).to.equal('Message us');
    expect(link.getBoundingClientRect().height, 'a 44px touch target').to.be.at.least(44);
    await expect(element).to.be.accessible();
  });

  it('takes its label from the label attribute, then its own text, and says "Get updates on Messenger" for opt-in links', async () => {
    const labelled = await render(html`<mme-chat-button page=${PAGE} label="Chat with sales">Ignored</mme-chat-button>`);
    expect(linkOf(labelled)!.textContent!.trim()).to.equal('Chat with sales');
    const own = await render(html`<mme-chat-button page=${PAGE}>Ask us anything</mme-chat-button>`);
    expect(linkOf(own)!.textContent!.trim()).to.equal('Ask us anything');
    const optin = await render(html`<mme-chat-button page=${PAGE} topic="weekly deals" cadence="weekly"></mme-chat-button>`);
    expect(linkOf(optin)!.textContent!.trim()).to.equal('Get updates on Messenger');
    expect(linkOf(optin)!.href).to.equal(`https://m.me/rn/${PAGE}?topic=weekly%20deals&cadence=weekly`);
  });

  it('works before upgrade as the plain fallback link, and replaces it after', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.innerHTML = `<mme-chat-button-later page="${PAGE}"><a href="https://m.me/${PAGE}">Message us</a></mme-chat-button-later>`;
    const fallback = host.querySelector('a')!;
    expect(fallback.getBoundingClientRect().width, 'the fallback link is visible').to.be.above(0);
    host.innerHTML = `<mme-chat-button page="${PAGE}"><a href="https://m.me/${PAGE}">Message us</a></mme-chat-button>`;
    const element = host.querySelector('mme-chat-button')!;
    await element.updateComplete;
    expect(host.querySelector('a')!.getBoundingClientRect().width, 'the fallback is no longer shown').to.equal(0);
    expect(linkOf(element)!.textContent!.trim()).to.equal('Message us');
  });

  it('has outline and icon variants; the icon variant keeps the label as its accessible name', async () => {
    const outline = await render(html`<mme-chat-button page=${PAGE} variant="outline"></mme-chat-button>`);
    const style = getComputedStyle(linkOf(outline)!);
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.color).to.equal('rgb(8, 102, 255)');
    await expect(outline).to.be.accessible();
    const icon = await render(html`<mme-chat-button page=${PAGE} variant="icon"></mme-chat-button>`);
    const link = linkOf(icon)!;
    const box = link.getBoundingClientRect();
    expect(box.width).to.equal(box.height);
    expect(getComputedStyle(link.querySelector('[part=label]')!).position).to.equal('absolute');
    expect(link.textContent!.trim()).to.equal('Message us');
    await expect(icon).to.be.accessible();
  });

  it('has three sizes', async () => {
    const heights = [];
    for (const size of ['small', 'medium', 'large']) {
      const element = await render(html`<mme-chat-button page=${PAGE} size=${size}></mme-chat-button>`);
      heights.push(linkOf(element)!.getBoundingClientRect().height);
    }
    expect(heights[0]).to.be.below(heights[1]);
    expect(heights[1]).to.be.below(heights[2]);
  });

  it('opens in the same tab with target="_self"', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} target="_self"></mme-chat-button>`);
    expect(linkOf(element)!.target).to.equal('_self');
    expect(linkOf(element)!.rel).to.equal('noopener noreferrer');
  });

  it('floats at bottom-right, above the page, and mirrors to the left in RTL', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} position="bottom-right"></mme-chat-button>`);
    const box = linkOf(element)!.getBoundingClientRect();
    expect(innerWidth - box.right).to.be.closeTo(20, 1);
    expect(innerHeight - box.bottom).to.be.closeTo(20, 1);
    expect(getComputedStyle(element.shadowRoot!.querySelector('.root')!).position).to.equal('fixed');
    expect(document.elementFromPoint(...centre(linkOf(element)!)) === element, 'the button is on top').to.equal(true);
    document.documentElement.dir = 'rtl';
    try {
      await aTimeout(0);
      const rtl = linkOf(element)!.getBoundingClientRect();
      expect(rtl.left).to.be.closeTo(20, 1);
      await expect(element).to.be.accessible();
    } finally {
      document.documentElement.dir = '';
    }
    const left = await render(html`<mme-chat-button page=${PAGE} position="bottom-left" style="--mme-offset-x:32px"></mme-chat-button>`);
    expect(linkOf(left)!.getBoundingClientRect().left).to.be.closeTo(32, 1);
    await expect(element).to.be.accessible();
  });

  it('wraps a long label on a 320 px phone: no sideways scrolling, the floating button inside the screen', async () => {
    const label = 'Schreiben Sie uns eine Nachricht über den Facebook Messenger, wir antworten schnell';
    await setViewport({ width: 320, height: 640 });
    try {
      for (const position of ['bottom-right', 'inline']) {
        const element = await render(html`<mme-chat-button page=${PAGE} position=${position} label=${label}></mme-chat-button>`);
        const box = linkOf(element)!.getBoundingClientRect();
        expect(document.documentElement.scrollWidth, `${position}: no sideways scrolling`).to.be.at.most(320);
        expect(box.left, `${position}: the button starts on screen`).to.be.at.least(0);
        expect(box.right, `${position}: the button ends on screen`).to.be.at.most(320);
        expect(element.shadowRoot!.querySelector('[part=label]')!.textContent, 'the whole label').to.equal(label);
        element.remove();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('causes no layout shift when a floating button is added', async () => {
    const paragraph = await fixture<HTMLParagraphElement>(html`<p>Content above the fold</p>`);
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // The paragraph is painted before the button comes, so that a shift would be one Chromium reports.
    await frames();
    const before = paragraph.getBoundingClientRect().top;
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => shifts.push(...list.getEntries().map((e) => (e as unknown as { value: number }).value)));
    observer.observe({ type: 'layout-shift', buffered: false });
    const element = document.createElement('mme-chat-button');
    element.setAttribute('page', PAGE);
    element.setAttribute('position', 'bottom-right');
    document.body.prepend(element);
    await element.updateComplete;
    await frames();
    observer.disconnect();
    try {
      expect(linkOf(element), 'the button is drawn').to.exist;
      expect(paragraph.getBoundingClientRect().top, 'the content above the fold stays where it was').to.equal(before);
      expect(shifts.reduce((a, b) => a + b, 0), 'no layout shift entry').to.equal(0);
    } finally {
      element.remove();
      paragraph.remove();
    }
  });

  it('shows a greeting after greeting-delay, announced as a status, and dismisses it with the close button', async () => {
    const element = document.createElement('mme-chat-button');
    Object.assign(element, { page: PAGE, greeting: 'Questions? We reply in minutes.', greetingDelay: 0.05 });
    const shown = oneEvent(element, 'mme-greeting-show');
    document.body.append(element);
    await shown;
    await element.updateComplete;
    const greeting = element.shadowRoot!.querySelector('[part=greeting]')!;
    expect(greeting.getAttribute('role')).to.equal('status');
    expect(greeting.textContent).to.contain('Questions? We reply in minutes.');
    await expect(element).to.be.accessible();
    const dismissed = oneEvent(element, 'mme-greeting-dismiss');
    greeting.querySelector<HTMLButtonElement>('button[aria-label=Dismiss]')!.click();
    await dismissed;
    await element.updateComplete;
    expect(greeting.textContent!.trim()).to.equal('');
    expect(sessionStorage.length, 'nothing stored without remember-dismiss').to.equal(0);
    element.remove();
  });

  it('dismisses the greeting with Escape, and remembers it for the session with remember-dismiss', async () => {
    sessionStorage.clear();
    const element = document.createElement('mme-chat-button');
    Object.assign(element, { page: PAGE, greeting: 'Hello', greetingDelay: 0, rememberDismiss: true });
    const shown = oneEvent(element, 'mme-greeting-show');
    document.body.append(element);
    await shown;
    const dismissed = oneEvent(element, 'mme-greeting-dismiss');
    await sendKeys({ press: 'Escape' });
    await dismissed;
    expect(sessionStorage.getItem(`mme-greeting-dismissed:${PAGE}`)).to.equal('1');
    element.remove();
    const again = document.createElement('mme-chat-button');
    // The same Page named by its address, as another page of the site may: the dismissal holds.
    Object.assign(again, { page: `https://www.facebook.com/${PAGE}/`, greeting: 'Hello', greetingDelay: 0, rememberDismiss: true });
    let showedAgain = false;
    again.addEventListener('mme-greeting-show', () => (showedAgain = true));
    document.body.append(again);
    // Once the greeting's code has loaded and read the remembered dismissal, the button knows it.
    await waitUntil(() => (again as unknown as { dismissed: boolean }).dismissed, 'the remembered dismissal is read', { timeout: 10_000 });
    await again.updateComplete;
    expect(showedAgain, 'a remembered dismissal holds for the session').to.equal(false);
    expect(again.shadowRoot!.querySelector('.bubble-card'), 'no greeting').to.equal(null);
    again.remove();
    sessionStorage.clear();
  });

  it('fires a cancelable mme-click with the link details, and cancelling it stops navigation', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} ref="web-{path}"></mme-chat-button>`);
    const expectedRef = expandRef('web-{path}', pageContext());
    const clicked = oneEvent(element, 'mme-click');
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    const { detail } = await clicked;
    expect(detail).to.deep.equal({ href: `https://m.me/${PAGE}?ref=${expectedRef}`, page: PAGE, ref: expectedRef, kind: 'chat', channel: 'messenger' });
    expect(followed(clicks)).to.deep.equal([true]);
    element.addEventListener('mme-click', (event) => event.preventDefault());
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    expect(followed(clicks)).to.deep.equal([true, false]);
  });

  it('pushes mme_click onto window.dataLayer, or a named array', async () => {
    const win = window as unknown as Record<string, unknown[] | undefined>;
    delete win.dataLayer;
    delete win.myLayer;
    const plain = await render(html`<mme-chat-button page=${PAGE} ref="a" data-layer></mme-chat-button>`);
    linkOf(plain)!.click();
    expect(win.dataLayer).to.deep.equal([{ event: 'mme_click', mme_page: PAGE, mme_ref: 'a', mme_kind: 'chat', mme_channel: 'messenger' }]);
    const named = await render(html`<mme-chat-button page=${PAGE} topic="deals" data-layer="myLayer"></mme-chat-button>`);
    linkOf(named)!.click();
    expect(win.myLayer).to.deep.equal([{ event: 'mme_click', mme_page: PAGE, mme_ref: '', mme_kind: 'optin', mme_channel: 'messenger' }]);
    delete win.dataLayer;
    delete win.myLayer;
  });

  describe('beacon', () => {
    const sent: { url: string; body: Record<string, unknown> }[] = [];
    let original: PropertyDescriptor | undefined;
    let fail = false;
    beforeEach(() => {
      sent.length = 0;
      fail = false;
      original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'sendBeacon');
      Object.defineProperty(navigator, 'sendBeacon', {
        configurable: true,
        value: (url: string, body: string) => {
          if (fail) throw new TypeError('refused by the page');
          sent.push({ url, body: JSON.parse(body) });
          return true;
        },
      });
    });
    afterEach(() => {
      delete (navigator as unknown as Record<string, unknown>).sendBeacon;
      if (original) Object.defineProperty(Navigator.prototype, 'sendBeacon', original);
    });
    const BEACON = 'https://chat.example/click';

    it('reports each click that opens the link with one beacon of ref, channel, kind, path and handoff, and sends nothing without beacon', async () => {
      const quiet = await render(html`<mme-chat-button page=${PAGE} ref="home"></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(linkOf(quiet)!) });
      expect(sent, 'no beacon attribute, no beacon').to.deep.equal([]);
      const element = await render(html`<mme-chat-button page=${PAGE} ref="web-{path}" beacon=${BEACON}></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
      const ref = expandRef('web-{path}', pageContext());
      expect(sent).to.deep.equal([{ url: BEACON, body: { ref, channel: 'messenger', kind: 'chat', path: location.pathname, handoff: 'link' } }]);
      expect(followed(clicks), 'the link opened as without a beacon').to.deep.equal([true, true]);
      element.addEventListener('mme-click', (event) => event.preventDefault(), { once: true });
      await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
      expect(sent.length, 'a cancelled click sends no one anywhere: no beacon').to.equal(1);
    });

    it('still opens the link when the browser refuses the beacon', async () => {
      fail = true;
      const element = await render(html`<mme-chat-button page=${PAGE} beacon="not a url"></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
      expect(followed(clicks)).to.deep.equal([true]);
    });

    it("counts a QR code shown as handoff qr, the popover's open-here link as open-here, and each menu item as its channel", async () => {
      const element = await render(html`<mme-chat-button page=${PAGE} ref="desk" topic="deals" handoff="qr" beacon=${BEACON}></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
      await waitUntil(() => element.shadowRoot!.querySelector('[part=popover] a'), 'the popover opens', { timeout: 10_000 });
      const here = element.shadowRoot!.querySelector<HTMLAnchorElement>('[part=popover] a')!;
      await sendMouse({ type: 'click', position: centre(here) });
      expect(sent.map((s) => [s.body.handoff, s.body.kind, s.body.ref])).to.deep.equal([['qr', 'optin', 'desk'], ['open-here', 'optin', 'desk']]);
      sent.length = 0;
      const launcher = await render(html`<mme-chat-button page=${PAGE} instagram="originalcoastclothing" ref="menu" beacon=${BEACON}></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(launcher.shadowRoot!.querySelector('[part=base]')!) });
      await waitUntil(() => launcher.shadowRoot!.querySelector('[role=menuitem]'), 'the menu opens', { timeout: 10_000 });
      const messenger = launcher.shadowRoot!.querySelector<HTMLAnchorElement>('[role=menuitem]')!;
      await sendMouse({ type: 'click', position: centre(messenger) });
      expect(sent.map((s) => [s.body.channel, s.body.handoff, s.body.ref])).to.deep.equal([['messenger', 'link', 'menu']]);
    });
  });

  it('keeps an edge on the greeting, the popover and the menu in forced colours, and the menu its app icons', async () => {
    await executeServerCommand('mme-media', [{ name: 'forced-colors', value: 'active' }, { name: 'prefers-color-scheme', value: 'dark' }]);
    try {
      const edge = (node: Element | null | undefined) => {
        const style = getComputedStyle(node!);
        return `${style.borderTopStyle} ${parseFloat(style.borderTopWidth) >= 1}`;
      };
      const greeted = await render(html`<mme-chat-button page=${PAGE} greeting="Hi" greeting-delay="0" handoff="qr"></mme-chat-button>`);
      await waitUntil(() => greeted.shadowRoot!.querySelector('.bubble-card'), 'the greeting shows', { timeout: 10_000 });
      expect(edge(greeted.shadowRoot!.querySelector('.bubble-card')), 'the greeting').to.equal('solid true');
      await sendMouse({ type: 'click', position: centre(linkOf(greeted)!) });
      await waitUntil(() => greeted.shadowRoot!.querySelector('[part=popover]'), 'the popover opens', { timeout: 10_000 });
      expect(edge(greeted.shadowRoot!.querySelector('[part=popover]')), 'the popover').to.equal('solid true');
      await sendKeys({ press: 'Escape' });
      const launcher = await render(html`<mme-chat-button page=${PAGE} instagram="originalcoastclothing"></mme-chat-button>`);
      await sendMouse({ type: 'click', position: centre(launcher.shadowRoot!.querySelector('[part=base]')!) });
      await waitUntil(() => launcher.shadowRoot!.querySelector('[part=menu]'), 'the menu opens', { timeout: 10_000 });
      expect(edge(launcher.shadowRoot!.querySelector('[part=menu]')), 'the menu').to.equal('solid true');
      expect(getComputedStyle(launcher.shadowRoot!.querySelector('[part=menu] .icon')!).forcedColorAdjust, "the app icons keep their colours").to.equal('none');
      await sendKeys({ press: 'Escape' });
    } finally {
      await executeServerCommand('mme-media', []);
    }
  });

  it('is reachable with Tab and activated with Enter', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><button>before</button><mme-chat-button page=${PAGE}></mme-chat-button></div>`);
    const element = wrapper.querySelector('mme-chat-button')!;
    await element.updateComplete;
    wrapper.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement === linkOf(element), 'focus is on the link').to.equal(true);
    expect(getComputedStyle(linkOf(element)!).outlineStyle, 'a visible focus ring').to.equal('solid');
    const clicked = oneEvent(element, 'mme-click');
    await sendKeys({ press: 'Enter' });
    await clicked;
    expect(followed(clicks)).to.deep.equal([true]);
  });

  it('hands off to a QR code on a desktop mouse click: focus moves in, Escape closes and returns focus', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} ref="desk" handoff="qr"></mme-chat-button>`);
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    expect(followed(clicks), 'the click did not navigate').to.deep.equal([false]);
    // The popover and the QR code are modules loaded on this first click: allow for a busy machine.
    await waitUntil(() => element.shadowRoot!.querySelector('[part=popover] mme-qr-code'), 'the popover shows a QR code', { timeout: 10_000 });
    await element.updateComplete;
    const popover = element.shadowRoot!.querySelector<HTMLElement>('[part=popover]')!;
    await waitUntil(() => element.shadowRoot!.activeElement === popover, 'focus moves into the popover', { timeout: 10_000 });
    expect(popover.getAttribute('role')).to.equal('dialog');
    expect(popover.textContent).to.contain('Scan with your phone');
    expect(element.shadowRoot!.activeElement === popover, 'focus is on the popover').to.equal(true);
    const code = popover.querySelector<MmeQrCode>('mme-qr-code')!;
    await code.updateComplete;
    expect(await decodeOnScreen(code.shadowRoot!.querySelector('svg')!)).to.equal(`https://m.me/${PAGE}?ref=desk`);
    const desktop = popover.querySelector<HTMLAnchorElement>('a')!;
    expect(desktop.textContent).to.equal('Open Messenger on this computer');
    expect(desktop.href).to.equal(`https://m.me/${PAGE}?ref=desk`);
    expect(linkOf(element)!.getAttribute('aria-expanded')).to.equal('true');
    // axe reads colours as they are drawn: let the popover's fade-in finish first.
    await Promise.all(popover.getAnimations({ subtree: true }).map((animation) => animation.finished));
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=popover]')).to.equal(null);
    expect(element.shadowRoot!.activeElement === linkOf(element), 'focus returns to the button').to.equal(true);
  });

  it('opens the link directly on touch, without the QR popover', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} handoff="qr"></mme-chat-button>`);
    linkOf(element)!.dispatchEvent(new PointerEvent('click', { pointerType: 'touch', bubbles: true, composed: true, cancelable: true }));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=popover]')).to.equal(null);
    expect(followed(clicks)).to.deep.equal([true]);
  });

  it('does not announce a popup on a touch-only device, where the link opens directly', async () => {
    await executeServerCommand('mme-touch', true);
    try {
      const element = await render(html`<mme-chat-button page=${PAGE} handoff="qr"></mme-chat-button>`);
      expect(matchMedia('(pointer: coarse)').matches, 'a touch screen is emulated').to.equal(true);
      expect(linkOf(element)!.hasAttribute('aria-haspopup'), 'no popup announced').to.equal(false);
      expect(linkOf(element)!.hasAttribute('aria-expanded')).to.equal(false);
    } finally {
      await executeServerCommand('mme-touch', false);
    }
    const desktop = await render(html`<mme-chat-button page=${PAGE} handoff="qr"></mme-chat-button>`);
    expect(linkOf(desktop)!.getAttribute('aria-haspopup'), 'announced where a click opens it').to.equal('dialog');
  });

  it('closes the popover on a second click of the button, and when focus leaves it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><mme-chat-button page=${PAGE} ref="toggle" handoff="qr"></mme-chat-button><button>after</button></div>`);
    const element = wrapper.querySelector('mme-chat-button')!;
    await element.updateComplete;
    const popover = () => element.shadowRoot!.querySelector<HTMLElement>('[part=popover]');
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    await waitUntil(() => element.shadowRoot!.activeElement === popover(), 'the popover opens with focus', { timeout: 10_000 });
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    await element.updateComplete;
    expect(popover(), 'a second click closes it').to.equal(null);
    expect(followed(clicks), 'neither click navigated').to.deep.equal([false, false]);
    await sendMouse({ type: 'click', position: centre(linkOf(element)!) });
    await waitUntil(() => element.shadowRoot!.activeElement === popover(), 'it opens again', { timeout: 10_000 });
    wrapper.querySelector('button')!.focus();
    await element.updateComplete;
    expect(popover(), 'focus moving out closes it').to.equal(null);
    await resetMouse();
  });

  it('takes its colours from accent and on-accent, and calls a colour that is not one invalid', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} accent="#ffd54f" on-accent="#1c1e21"></mme-chat-button>`);
    const style = getComputedStyle(linkOf(element)!);
    expect([style.backgroundColor, style.color]).to.deep.equal(['rgb(255, 213, 79)', 'rgb(28, 30, 33)']);
    await expect(element).to.be.accessible();
    element.removeAttribute('accent');
    await element.updateComplete;
    expect(getComputedStyle(linkOf(element)!).backgroundColor, 'back to the default').to.equal('rgb(8, 102, 255)');
  });

  it('re-renders when an attribute changes', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} ref="one"></mme-chat-button>`);
    element.setAttribute('ref', 'two');
    element.setAttribute('label', 'Talk to us');
    await element.updateComplete;
    expect(linkOf(element)!.href).to.equal(`https://m.me/${PAGE}?ref=two`);
    expect(linkOf(element)!.textContent!.trim()).to.equal('Talk to us');
  });

  it('redraws in place: keeps focus on the link, and gives one link back after being invalid', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} ref="one" greeting="Hi" greeting-delay="100" handoff="qr"></mme-chat-button>`);
    const link = linkOf(element)!;
    link.focus();
    element.setAttribute('ref', 'two');
    element.setAttribute('variant', 'icon');
    await element.updateComplete;
    expect(linkOf(element), 'the same link node').to.equal(link);
    expect(element.shadowRoot!.activeElement === link, 'focus stays on the link').to.equal(true);
    expect(link.href).to.equal(`https://m.me/${PAGE}?ref=two`);
    expect(link.querySelector('[part=label]')!.className).to.equal('visually-hidden');
    const console = captureConsole();
    try {
      element.setAttribute('page', 'javascript:alert(1)');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('a'), 'no link while invalid').to.equal(null);
      element.setAttribute('page', PAGE);
      element.setAttribute('variant', 'filled');
      element.removeAttribute('handoff');
      await element.updateComplete;
    } finally {
      console.restore();
    }
    expect(element.shadowRoot!.querySelectorAll('.root, a'), 'one root, one link').to.have.length(2);
    expect(linkOf(element)!.href).to.equal(`https://m.me/${PAGE}?ref=two`);
    expect(linkOf(element)!.querySelector('[part=label]')!.className).to.equal('');
    expect(linkOf(element)!.hasAttribute('aria-expanded'), 'no aria-expanded without a hand-off').to.equal(false);
    expect(element.shadowRoot!.querySelectorAll('[part=greeting]')).to.have.length(1);
    element.removeAttribute('greeting');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=greeting]'), 'no live region without a greeting').to.equal(null);
  });

  const bad: { name: string; attributes: Record<string, string>; code: string }[] = [
    { name: 'a javascript: page', attributes: { page: 'javascript:alert(1)' }, code: 'page-invalid' },
    { name: 'a ref over 2,083 characters', attributes: { page: PAGE, ref: 'a'.repeat(2084) }, code: 'ref-too-long' },
    { name: 'a topic with punctuation', attributes: { page: PAGE, topic: 'deals!' }, code: 'topic-invalid' },
    { name: 'text on an opt-in link', attributes: { page: PAGE, topic: 'deals', text: 'hi' }, code: 'text-on-optin' },
  ];
  for (const { name, attributes, code } of bad) {
    it(`renders no link for ${name} (${code}), with one console.error and mme-invalid`, async () => {
      const element = await expectInvalid('mme-chat-button', attributes, code);
      await expect(element).to.be.accessible();
      element.remove();
    });
  }

  // A typo in how the button looks never takes the business's link off the page (SPEC §4).
  const cosmetic: { name: string; attributes: Record<string, string>; code: string; check?: (element: MmeChatButton) => void }[] = [
    { name: 'variant="outlined"', attributes: { page: PAGE, variant: 'outlined' }, code: 'variant-invalid', check: (e) => expect(getComputedStyle(linkOf(e)!).backgroundColor, 'filled, the default').to.equal('rgb(8, 102, 255)') },
    { name: 'an unknown size', attributes: { page: PAGE, size: 'huge' }, code: 'size-invalid' },
    { name: 'position="bottom-middle"', attributes: { page: PAGE, position: 'bottom-middle' }, code: 'position-invalid', check: (e) => expect(getComputedStyle(e.shadowRoot!.querySelector('.root')!).position, 'inline, the default').to.equal('relative') },
    { name: 'target="_top"', attributes: { page: PAGE, target: '_top' }, code: 'target-invalid', check: (e) => expect(linkOf(e)!.target, '_blank, the default').to.equal('_blank') },
    { name: 'an unknown handoff', attributes: { page: PAGE, handoff: 'qrcode' }, code: 'handoff-invalid' },
    { name: 'a negative greeting-delay', attributes: { page: PAGE, greeting: 'hi', 'greeting-delay': '-2' }, code: 'greeting-delay-invalid' },
    { name: 'an accent that is not a colour', attributes: { page: PAGE, accent: 'red; background: url(x)' }, code: 'accent-invalid', check: (e) => expect(getComputedStyle(linkOf(e)!).backgroundColor).to.equal('rgb(8, 102, 255)') },
    { name: 'an on-accent that is not a colour', attributes: { page: PAGE, 'on-accent': 'not-a-colour' }, code: 'on-accent-invalid' },
  ];
  for (const { name, attributes, code, check } of cosmetic) {
    it(`keeps the link for ${name} (${code}): the default applies, with one warning`, async () => {
      const element = (await expectWarned('mme-chat-button', attributes, code)) as MmeChatButton;
      check?.(element);
      await expect(element).to.be.accessible();
      element.remove();
    });
  }

  it('shows markup in label and greeting as text, never as HTML', async () => {
    const attack = '<img src=x onerror="window.__pwned=1">';
    const element = document.createElement('mme-chat-button');
    Object.assign(element, { page: PAGE, label: attack, greeting: attack, greetingDelay: 0 });
    const shown = oneEvent(element, 'mme-greeting-show');
    document.body.append(element);
    await shown;
    await element.updateComplete;
    await aTimeout(50);
    expect(element.shadowRoot!.querySelector('img')).to.equal(null);
    expect(linkOf(element)!.textContent!.trim()).to.equal(attack);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    element.remove();
  });

  it('keeps the first definition, without an error, when a second copy of the kit loads', () =>
    expectSecondCopyKeepsFirst('mme-chat-button', async () => {
      const element = await render(html`<mme-chat-button page=${PAGE}></mme-chat-button>`);
      expect(linkOf(element)!.getAttribute('href')).to.equal(`https://m.me/${PAGE}`);
    }));

  it('lets an error that is a bug in the kit surface, instead of showing it as a problem with the attributes', async () => {
    const Button = customElements.get('mme-chat-button') as unknown as { prototype: { checkOwn(...args: unknown[]): void } };
    const checkOwn = Button.prototype.checkOwn;
    Button.prototype.checkOwn = () => {
      throw new TypeError('a bug');
    };
    const console = captureConsole();
    try {
      const element = document.createElement('mme-chat-button') as MmeChatButton;
      element.setAttribute('page', PAGE);
      let invalid = false;
      element.addEventListener('mme-invalid', () => (invalid = true));
      document.body.append(element);
      const failure = await element.updateComplete.then(() => null, (error: unknown) => error);
      expect(failure, 'the update fails with the bug itself').to.be.instanceOf(TypeError);
      expect(invalid, 'no mme-invalid event').to.equal(false);
      expect(element.problems.map((p) => p.code), 'no made-up problem code').to.deep.equal([]);
      element.remove();
    } finally {
      Button.prototype.checkOwn = checkOwn;
      console.restore();
    }
  });
});
