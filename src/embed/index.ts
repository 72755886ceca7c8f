import { MmeChatButton } from '../components/chat-button/chat-button.js';
import { chatLink, instagramLink, optinLink, parseLink } from '../link/index.js';
import { type EmbedConfig, UPGRADE_SELECTOR, pathMatches, readConfig } from './config.js';

/** The API the embed puts on `window.mmeKit`. */
export interface MmeKit {
  chatLink: typeof chatLink;
  optinLink: typeof optinLink;
  instagramLink: typeof instagramLink;
  parseLink: typeof parseLink;
  /** Mounts (or replaces) the floating button, with the same keys as `window.mmeConfig`. */
  mount(options: EmbedConfig): MmeChatButton | null;
  /** Removes the floating button. */
  unmount(): void;
}

declare global {
  interface Window {
    mmeKit?: MmeKit;
    mmeConfig?: EmbedConfig;
  }
}

const MOUNTED = 'mme-chat-button[data-mme-embed]';
let qrLoaded = false;

/** Loads `<mme-qr-code>` only once a page has one: its encoder is most of the kit's weight. */
function loadQrWhenNeeded(): void {
  if (qrLoaded || !document.querySelector('mme-qr-code')) return;
  qrLoaded = true;
  // A failed download is tried again when the page next changes.
  import('../components/qr-code/qr-code.js').catch(() => (qrLoaded = false));
}

/**
 * Upgrades the marked m.me links under `roots`, each reporting its clicks to `beacon` when the
 * embed has one. The upgrade code loads only once a page has such
 * a link (a CMS page); a page with just the floating button never downloads it.
 */
function upgradeMarkedLinks(roots: ParentNode[], beacon?: string): void {
  const marked = roots.filter((root) => (root instanceof Element && root.matches(UPGRADE_SELECTOR)) || root.querySelector(UPGRADE_SELECTOR));
  if (!marked.length) return;
  // A failed download leaves the plain links, which work; the next change to the page tries again.
  import('./upgrade.js').then(({ upgradeLinks }) => marked.forEach((root) => upgradeLinks(root, beacon)), () => {});
}

function shouldShow(config: EmbedConfig): boolean {
  if (config.hideOn && pathMatches(location.pathname, String(config.hideOn))) return false;
  const devices = String(config.devices ?? 'all');
  const mobile = matchMedia('(hover: none) and (pointer: coarse)').matches;
  return devices === 'mobile' ? mobile : devices === 'desktop' ? !mobile : true;
}

/**
 * camelCase key → attribute, for every attribute a site may set on the button: read from the
 * element's own property declarations, so a new attribute works in the embed with no change here.
 * `invalid` is left out: the element sets it.
 */
function buttonAttributes(): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [name, options] of MmeChatButton.elementProperties) {
    if (options.attribute === false || name === 'invalid') continue;
    attributes.set(String(name), typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase());
  }
  return attributes;
}

function mount(options: EmbedConfig): MmeChatButton | null {
  unmount();
  if (!shouldShow(options)) return null;
  const button = document.createElement('mme-chat-button');
  button.setAttribute('data-mme-embed', '');
  button.setAttribute('position', 'bottom-right');
  const attributes = buttonAttributes();
  for (const [key, value] of Object.entries(options)) {
    const attribute = attributes.get(key);
    if (!attribute || value == null || value === false) continue;
    button.setAttribute(attribute, value === true ? '' : String(value));
  }
  document.body.append(button);
  return button;
}

function unmount(): void {
  document.querySelectorAll(MOUNTED).forEach((button) => button.remove());
}

/**
 * Starts the embed for the script tag that loaded it: defines the elements, upgrades marked
 * links now and as they are added, and mounts the floating button when a page (or an Instagram
 * username) is configured.
 * Running it twice (two tags, or a tag and an npm import) still gives one button.
 */
export function start(script: HTMLScriptElement | null): void {
  const config = readConfig(script, window.mmeConfig);
  window.mmeKit ??= { chatLink, optinLink, instagramLink, parseLink, mount, unmount };
  // A beacon is an address: any other value (mmeConfig.beacon = true) sends nothing.
  const beacon = typeof config.beacon === 'string' && config.beacon ? config.beacon : undefined;
  const ready = () => {
    upgradeMarkedLinks([document], beacon);
    loadQrWhenNeeded();
    new MutationObserver((records) => {
      upgradeMarkedLinks(records.flatMap((record) => [...record.addedNodes].filter((node): node is Element => node instanceof Element)), beacon);
      loadQrWhenNeeded();
    }).observe(document.documentElement, { childList: true, subtree: true });
    if (!(config.page || config.instagram) || document.querySelector(MOUNTED)) return;
    const delay = Number(config.showAfter ?? 0);
    if (delay > 0) setTimeout(() => document.querySelector(MOUNTED) || mount(config), delay * 1000);
    else mount(config);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true });
  else ready();
}
