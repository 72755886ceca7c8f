import { type ParsedLink, parseLink } from '../link/index.js';

/** Links the embed turns into elements: marked with data-mme or the mme-chat-button class. */
const SELECTOR = 'a[href][data-mme]:not([data-mme-upgraded]), a[href].mme-chat-button:not([data-mme-upgraded])';

/**
 * Turns a plain m.me link into an `<mme-chat-button>` (or `<mme-qr-code>` for data-mme="qr"),
 * keeping the link inside as the fallback. CMSs that strip custom elements keep `<a href>`.
 */
function upgrade(anchor: HTMLAnchorElement): void {
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
  if (qr) element.setAttribute('value', anchor.getAttribute('href')!.trim());
  else for (const [key, value] of Object.entries(link)) if (key !== 'kind') element.setAttribute(key, value);
  anchor.replaceWith(element);
  element.append(anchor);
}

/** Upgrades every marked link under `root` once. */
export function upgradeLinks(root: ParentNode): void {
  if (root instanceof HTMLAnchorElement && root.matches(SELECTOR)) upgrade(root);
  for (const anchor of root.querySelectorAll<HTMLAnchorElement>(SELECTOR)) upgrade(anchor);
}
