import { defaultLabel } from '../src/labels/index.js';
import { foldRef } from '../src/link/index.js';
import { escapeMarkup as escape } from '../src/qr/index.js';

/** The copy-paste snippets the configurator hands over, built from the real modules' output. */

const attributes = (pairs: Record<string, string | undefined>, prefix = '') =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${prefix}${name}="${escape(value!)}"`)
    .join('');

type State = Record<string, string>;

/**
 * The folder the site serves mme-kit's dist/cdn files from, ending in `/`: a path on the site
 * (`/mme-kit/`) or a full https:// address. Null for anything else, which could not load them.
 */
export function scriptBase(host: string): string | null {
  const value = host.trim();
  const base = value.endsWith('/') ? value : `${value}/`;
  if (/^\/(?!\/)[^\s"'<>]*$/.test(base)) return base;
  try {
    const url = new URL(base);
    return url.protocol === 'https:' && url.href === base ? base : null;
  } catch {
    return null;
  }
}

/** The receiver's address clicks are counted at: a full https:// URL (or http:// on this computer); null for anything else. */
export function beaconAddress(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The button's attributes as the form sets them, split by what they are about; unset ones are
 * undefined, so the previews can remove them and the snippets leave them out.
 */
export function buttonAttributes(state: State, page: string, ref: string) {
  const instagram = state.instagram?.trim() || undefined;
  const messenger = !!page || !instagram;
  const optin = state.kind === 'optin' && messenger;
  return {
    link: {
      page: messenger ? page : undefined,
      instagram,
      topic: optin ? state.topic : undefined,
      cadence: optin ? state.cadence || undefined : undefined,
      ref: ref || undefined,
      text: optin || !messenger ? undefined : state.text || undefined,
    },
    look: {
      label: state.label || undefined,
      variant: state.variant === 'filled' ? undefined : state.variant,
      size: state.size === 'medium' ? undefined : state.size,
      accent: state.accent.toLowerCase() === '#0866ff' ? undefined : state.accent,
      'on-accent': state.onAccent.toLowerCase() === '#ffffff' ? undefined : state.onAccent,
    },
    behaviour: {
      greeting: state.greeting || undefined,
      'greeting-delay': state.greeting && state.delay !== '3' && (state.greetingOn ?? 'delay') === 'delay' ? state.delay : undefined,
      'greeting-name': (state.greeting && state.greetingName) || undefined,
      'greeting-avatar': (state.greeting && state.greetingAvatar?.trim()) || undefined,
      'greeting-on': state.greeting && state.greetingOn && state.greetingOn !== 'delay' ? state.greetingOn : undefined,
      handoff: state.handoff || undefined,
      ...hoursAttributes(state),
    },
  };
}

/** The opening-hours attributes, only when hours are given. */
function hoursAttributes(state: State) {
  const hours = state.hours?.trim();
  return {
    hours: hours || undefined,
    timezone: hours ? state.timezone : undefined,
    'closed-on': (hours && state.closedOn?.trim()) || undefined,
    'when-away': hours && state.whenAway === 'hide' ? 'hide' : undefined,
  };
}

/**
 * The website's ref where no template can run (the element's no-JavaScript link): the template
 * without its tokens (`web-{path}` → `web`), or `website` when nothing fixed is left. Never the
 * printed codes' ref, which would count website visitors as scans.
 */
export function fixedWebsiteRef(template: string): string {
  const fixed = foldRef(template.replace(/\{\{|\}\}|\{[^{}]*\}/g, (part) => (part === '{{' ? '{' : part === '}}' ? '}' : ' ')));
  return fixed || 'website';
}

/**
 * The script tag and the element the configurator hands over: both carry the website's ref
 * template, which each page expands for itself. The element's fallback link cannot run a
 * template: `websiteLink` carries the template's fixed part (see `fixedWebsiteRef`).
 */
export function snippets(input: { websiteLink: string; page: string; host: string; state: State }) {
  const { websiteLink, page, host, state } = input;
  const { link: linkPart, look, behaviour: shown } = buttonAttributes(state, page, state.ref);
  // The previews count no clicks; the pasted button does.
  const behaviour = { ...shown, beacon: state.beacon?.trim() ? beaconAddress(state.beacon) ?? undefined : undefined };
  const embed = `${host}embed.js`;
  const script = `<script src="${escape(embed)}" async${attributes({ ...linkPart, ...look, position: state.position === 'bottom-right' ? undefined : state.position, ...behaviour }, 'data-')}></script>`;
  // Two channels make a launcher with the chat label; one, its own channel's label.
  const kind = linkPart.page && linkPart.instagram ? 'chat' : linkPart.instagram ? 'instagram' : linkPart.topic ? 'optin' : 'chat';
  const label = state.label || defaultLabel(kind);
  const element = `<mme-chat-button${attributes({ ...linkPart, ...look, ...behaviour })}>\n  <a href="${escape(websiteLink)}">${escape(label)}</a>\n</mme-chat-button>\n<script src="${escape(embed)}" async></script>`;
  return { script, element };
}
