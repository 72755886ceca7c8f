import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/components/chat-button/chat-button.js';
import type { MmeChatButton } from '../../src/components/chat-button/chat-button.js';
import '../../src/components/qr-code/qr-code.js';
import type { MmeQrCode } from '../../src/components/qr-code/qr-code.js';
import { contrast, parseColor } from '../../src/qr/index.js';
import { decodeOnScreen } from '../helpers/decode.js';
import { expectInvalid } from '../helpers/invalid.js';
import { centre, opened, recordNavigations } from '../helpers/navigations.js';

const PAGE = 'OriginalCoastClothing';
const INSTAGRAM = 'originalcoastclothing';

async function render<T extends HTMLElement = MmeChatButton>(template: ReturnType<typeof html>): Promise<T> {
  const element = await fixture<T>(template);
  await (element as unknown as MmeChatButton).updateComplete;
  return element;
}

const base = (element: MmeChatButton) => element.shadowRoot!.querySelector<HTMLElement>('[part=base]')!;
const items = (element: MmeChatButton) => [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[role=menuitem]')];
const focused = (element: MmeChatButton) => element.shadowRoot!.activeElement;

describe('Instagram: <mme-chat-button instagram> and <mme-qr-code instagram>', () => {
  const clicks = recordNavigations();

  it('alone, is an Instagram button: an ig.me link with the ref, its own icon and label, readable on its gradient', async () => {
    const element = await render(html`<mme-chat-button instagram="@${INSTAGRAM}" ref="bio"></mme-chat-button>`);
    const link = base(element) as HTMLAnchorElement;
    expect(link.href).to.equal(`https://ig.me/m/${INSTAGRAM}?ref=bio`);
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent!.trim()).to.equal('Message us on Instagram');
    expect(link.querySelector('[part=icon] path')!.getAttribute('fill-rule'), "Instagram's glyph, not Messenger's").to.equal('evenodd');
    const style = getComputedStyle(link);
    expect(style.backgroundImage).to.contain('linear-gradient');
    // White on each of the gradient's colours, and on the flat accent it falls back to.
    for (const stop of ['#c13584', '#833ab4', '#5851db']) expect(contrast(parseColor(stop), parseColor('#fff'))).to.be.at.least(4.5);
    expect(style.backgroundColor).to.equal('rgb(193, 53, 132)');
    expect(style.color).to.equal('rgb(255, 255, 255)');
    await expect(element).to.be.accessible();
  });

  it('takes the accent instead of the gradient when one is set, and --mme-instagram-gradient from CSS', async () => {
    const element = await render(html`<mme-chat-button instagram=${INSTAGRAM} accent="#1c1e21"></mme-chat-button>`);
    const style = getComputedStyle(base(element));
    expect(style.backgroundImage).to.equal('none');
    expect(style.backgroundColor).to.equal('rgb(28, 30, 33)');
    const flat = await render(html`<mme-chat-button instagram=${INSTAGRAM} style="--mme-instagram-gradient: none"></mme-chat-button>`);
    expect(getComputedStyle(base(flat)).backgroundImage, 'none: the flat accent').to.equal('none');
    expect(getComputedStyle(base(flat)).backgroundColor).to.equal('rgb(193, 53, 132)');
    const own = await render(html`<mme-chat-button instagram=${INSTAGRAM} style="--mme-instagram-gradient: linear-gradient(red, blue)"></mme-chat-button>`);
    expect(getComputedStyle(base(own)).backgroundImage).to.equal('linear-gradient(rgb(255, 0, 0), rgb(0, 0, 255))');
  });

  it('refuses text on an Instagram button (ig.me has no prefilled message) and a bad username, with codes', async () => {
    (await expectInvalid('mme-chat-button', { instagram: INSTAGRAM, text: 'Hi' }, 'text-on-instagram')).remove();
    (await expectInvalid('mme-chat-button', { instagram: 'coast clothing' }, 'username-invalid')).remove();
    (await expectInvalid('mme-qr-code', { instagram: 'a'.repeat(31) }, 'username-invalid')).remove();
  });

  it('with page and instagram, is a menu button whose menu holds one real link per channel, with the same ref', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} instagram=${INSTAGRAM} ref="launch" text="Hi!"></mme-chat-button>`);
    const trigger = base(element);
    expect(trigger.localName).to.equal('button');
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(trigger.textContent!.trim()).to.equal('Message us');
    await expect(element).to.be.accessible();
    await sendMouse({ type: 'click', position: centre(trigger) });
    await waitUntil(() => items(element).length === 2 && focused(element) === items(element)[0], 'the menu opens onto its first item', { timeout: 10_000 });
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    const menu = element.shadowRoot!.querySelector('[part=menu]')!;
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(menu.getAttribute('aria-label')).to.equal('Message us');
    // The text belongs to the Messenger link; ig.me carries none.
    expect(items(element).map((item) => [item.textContent!.trim(), item.href])).to.deep.equal([
      ['Messenger', `https://m.me/${PAGE}?ref=launch&text=Hi!`],
      ['Instagram', `https://ig.me/m/${INSTAGRAM}?ref=launch`],
    ]);
    await Promise.all(menu.getAnimations({ subtree: true }).map((animation) => animation.finished));
    await expect(element).to.be.accessible();
    expect(opened(clicks), 'opening the menu navigates nowhere').to.deep.equal([]);
  });

  it('follows the menu button pattern from the keyboard: arrows, Home, End, Escape with focus back, Enter to open a channel', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} instagram=${INSTAGRAM} ref="keys"></mme-chat-button>`);
    base(element).focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focused(element) === items(element)[1], 'ArrowUp opens the menu onto its last item', { timeout: 10_000 });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element), 'ArrowDown wraps round to the first').to.equal(items(element)[0]);
    await sendKeys({ press: 'End' });
    expect(focused(element)).to.equal(items(element)[1]);
    await sendKeys({ press: 'Home' });
    expect(focused(element)).to.equal(items(element)[0]);
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(items(element), 'Escape closes the menu').to.have.length(0);
    expect(focused(element), 'and returns focus to the button').to.equal(base(element));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(element) === items(element)[0], 'Enter opens the menu onto its first item', { timeout: 10_000 });
    const clicked = oneEvent(element, 'mme-click');
    await sendKeys({ press: 'Enter' });
    const { detail } = await clicked;
    expect(detail).to.deep.equal({ href: `https://m.me/${PAGE}?ref=keys`, page: PAGE, ref: 'keys', kind: 'chat', channel: 'messenger' });
    expect(opened(clicks)).to.deep.equal([`https://m.me/${PAGE}?ref=keys`]);
    await element.updateComplete;
    expect(items(element), 'choosing closes the menu').to.have.length(0);
  });

  it('closes the menu on a click elsewhere, and on Tab', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><mme-chat-button page=${PAGE} instagram=${INSTAGRAM}></mme-chat-button><p style="height:200px">elsewhere</p><button>after</button></div>`);
    const element = wrapper.querySelector('mme-chat-button')!;
    await element.updateComplete;
    await sendMouse({ type: 'click', position: centre(base(element)) });
    await waitUntil(() => items(element).length === 2, 'the menu opens', { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sendMouse({ type: 'click', position: centre(wrapper.querySelector('p')!) });
    await element.updateComplete;
    expect(items(element), 'a click elsewhere closes it').to.have.length(0);
    base(element).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused(element) === items(element)[0], 'the menu opens again', { timeout: 10_000 });
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(items(element), 'Tab closes it').to.have.length(0);
  });

  it('on a desktop pointer, shows the Instagram choice as a QR code to scan (ig.me does not open on the web), whatever handoff says', async () => {
    const element = await render(html`<mme-chat-button page=${PAGE} instagram=${INSTAGRAM} ref="desk"></mme-chat-button>`);
    await sendMouse({ type: 'click', position: centre(base(element)) });
    await waitUntil(() => items(element).length === 2, 'the menu opens', { timeout: 10_000 });
    const clicked = oneEvent(element, 'mme-click');
    await sendMouse({ type: 'click', position: centre(items(element)[1]) });
    const { detail } = await clicked;
    expect(detail.channel).to.equal('instagram');
    expect(detail.kind).to.equal('instagram');
    expect(detail.page).to.equal(INSTAGRAM);
    await waitUntil(() => element.shadowRoot!.querySelector('[part=popover] mme-qr-code'), 'the popover shows a QR code', { timeout: 10_000 });
    const popover = element.shadowRoot!.querySelector<HTMLElement>('[part=popover]')!;
    await waitUntil(() => focused(element) === popover, 'focus moves into the popover', { timeout: 10_000 });
    const code = popover.querySelector<MmeQrCode>('mme-qr-code')!;
    await code.updateComplete;
    expect(await decodeOnScreen(code.shadowRoot!.querySelector('svg')!)).to.equal(`https://ig.me/m/${INSTAGRAM}?ref=desk`);
    expect(code.shadowRoot!.querySelector('svg')!.getAttribute('aria-label')).to.equal(`QR code: open Instagram on your phone to message ${INSTAGRAM}`);
    expect(popover.querySelector('a'), 'no "open here" link: ig.me does not open on the web').to.equal(null);
    expect(opened(clicks), 'the desktop click did not navigate').to.deep.equal([]);
    await Promise.all(popover.getAnimations({ subtree: true }).map((animation) => animation.finished));
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=popover]')).to.equal(null);
    expect(focused(element), 'focus returns to the button').to.equal(base(element));
  });

  it('an Instagram button hands off to its QR code on a desktop click, and opens directly on touch', async () => {
    const element = await render(html`<mme-chat-button instagram=${INSTAGRAM}></mme-chat-button>`);
    expect(base(element).getAttribute('aria-haspopup'), 'a desktop click opens a dialog').to.equal('dialog');
    base(element).dispatchEvent(new PointerEvent('click', { pointerType: 'touch', bubbles: true, composed: true, cancelable: true }));
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=popover]')).to.equal(null);
    expect(opened(clicks)).to.deep.equal([`https://ig.me/m/${INSTAGRAM}`]);
    await sendMouse({ type: 'click', position: centre(base(element)) });
    await waitUntil(() => element.shadowRoot!.querySelector('[part=popover] mme-qr-code'), 'a mouse click shows the QR code', { timeout: 10_000 });
    expect(opened(clicks)).to.have.length(1);
    await executeServerCommand('mme-touch', true);
    try {
      const touch = await render(html`<mme-chat-button instagram=${INSTAGRAM}></mme-chat-button>`);
      expect(base(touch).hasAttribute('aria-haspopup'), 'no popup announced on a phone').to.equal(false);
    } finally {
      await executeServerCommand('mme-touch', false);
    }
  });

  it('<mme-qr-code instagram> draws the ig.me link with an Instagram logo, and it decodes exactly', async () => {
    const element = await render<MmeQrCode>(html`<mme-qr-code instagram=${INSTAGRAM} ref="flyer" logo></mme-qr-code>`);
    const svg = element.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).to.equal(`QR code: message ${INSTAGRAM} on Instagram`);
    expect(svg.querySelector('g path')!.getAttribute('fill')!.toUpperCase(), "Instagram's tile").to.equal('#D62976');
    expect(await decodeOnScreen(svg)).to.equal(`https://ig.me/m/${INSTAGRAM}?ref=flyer`);
    const fromValue = await render<MmeQrCode>(html`<mme-qr-code value="ig.me/${INSTAGRAM}?ref=v"></mme-qr-code>`);
    expect(await decodeOnScreen(fromValue.shadowRoot!.querySelector('svg')!)).to.equal(`https://ig.me/${INSTAGRAM}?ref=v`);
    (await expectInvalid('mme-qr-code', { page: PAGE, instagram: INSTAGRAM }, 'options-invalid')).remove();
  });
});
