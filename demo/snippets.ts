import { defaultLabel } from '../src/labels/index.js';
import { escapeMarkup as escape } from '../src/qr/index.js';

/** The copy-paste snippets the configurator hands over, built from the real modules' output. */
const CDN = 'https://cdn.jsdelivr.net/npm/mme-kit@0.1/dist/cdn/embed.js';

const attributes = (pairs: Record<string, string | undefined>, prefix = '') =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${prefix}${name}="${escape(value!)}"`)
    .join('');

type State = Record<string, string>;

/**
 * The button's attributes as the form sets them, split by what they are about; unset ones are
 * undefined, so the previews can remove them and the snippets leave them out.
 */
export function buttonAttributes(state: State, page: string, ref: string) {
  const optin = state.kind === 'optin';
  return {
    link: { page, topic: optin ? state.topic : undefined, cadence: optin ? state.cadence || undefined : undefined, ref: ref || undefined, text: optin ? undefined : state.text || undefined },
    look: { label: state.label || undefined, variant: state.variant === 'filled' ? undefined : state.variant, size: state.size === 'medium' ? undefined : state.size },
    behaviour: { greeting: state.greeting || undefined, 'greeting-delay': state.greeting && state.delay !== '3' ? state.delay : undefined, handoff: state.handoff || undefined },
  };
}

export function snippets(input: { link: string; page: string; ref: string; state: State; email: { html: string; text: string } }) {
  const { link, page, ref, state, email } = input;
  // The snippets carry the ref as written, a template included, so each page expands its own.
  const { link: linkPart, look, behaviour } = buttonAttributes(state, page, ref);
  const accent = state.accent.toLowerCase() === '#0866ff' ? '' : ` style="--mme-accent:${state.accent}"`;
  const script = `<script src="${CDN}" async${attributes({ ...linkPart, ...look, position: state.position === 'bottom-right' ? undefined : state.position, ...behaviour }, 'data-')}></script>`;
  const label = state.label || defaultLabel(state.kind === 'optin' ? 'optin' : 'chat');
  const element = `<mme-chat-button${attributes({ ...linkPart, ...look, ...behaviour })}${accent}>\n  <a href="${escape(link)}">${escape(label)}</a>\n</mme-chat-button>\n<script src="${CDN}" async></script>`;
  return { link, script, element, email: email.html, emailText: email.text.trimEnd() };
}
