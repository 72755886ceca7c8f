import { type ParsedLink, parseLink } from '../link/index.js';

import { UPGRADE_SELECTOR as SELECTOR } from './config.js';

/**
 * Turns a plain m.me or ig.me link into an `<mme-chat-button>` (or `<mme-qr-code>` for data-mme="qr"),
 * keeping the link inside as the fallback. CMSs that strip custom elements keep `<a href>`.
 */
function upgrade(anchor: HTMLAnchorElement, beacon?: string): void {
  anchor.setAttribute('data-mme-upgraded', '');
  let link: ParsedLink;
  try {
    link = parseLink(anchor.getAttribute('href')!);
  } catch (error) {
    console.error(`mme-kit: left a link as it is: ${(error as Error).message}`);
    return;
  }
  const qr = anchor.getAttribute('data-mme') === 'qr';
  const element = document.createElement(qr ? 'mme-qr-code' : 'mme-chat-button');
  if (qr) element.setAttribute('value', anchor.getAttribute('href')!);
  // A ref read from a finished link is a literal: its braces are doubled so the element does not
  // read them as a template.
  // A parsed ig.me link's username is the element's `instagram`.
  else for (const [key, value] of Object.entries(link)) if (key !== 'kind') element.setAttribute(key == 'username' ? 'instagram' : key, key == 'ref' ? value.replace(/[{}]/g, '$&$&') : value);
  if (beacon && !qr) element.setAttribute('beacon', beacon);
  anchor.replaceWith(element);
  // The link stays inside: the button's no-JavaScript fallback, and under a QR code the link a
  // phone (which cannot scan its own screen) taps, and keyboards and screen readers reach.
  element.append(anchor);
}

/** Upgrades every marked link under `root` once; the buttons report their clicks to `beacon`. */
export function upgradeLinks(root: ParentNode, beacon?: string): void {
  if (root instanceof HTMLAnchorElement && root.matches(SELECTOR)) upgrade(root, beacon);
  for (const anchor of root.querySelectorAll<HTMLAnchorElement>(SELECTOR)) upgrade(anchor, beacon);
}
