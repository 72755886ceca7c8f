import { escapeHtml as escape } from '../src/email/html.js';

/** The copy-paste snippets the configurator hands over, built from the real modules' output. */
const CDN = 'https://cdn.jsdelivr.net/npm/mme-kit@0.1/dist/cdn/embed.js';

const attributes = (pairs: Record<string, string | undefined>, prefix = '') =>
  Object.entries(pairs)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${prefix}${name}="${escape(value!)}"`)
    .join('');

export function snippets(input: { link: string; page: string; ref: string; state: Record<string, string>; email: { html: string; text: string } }) {
  const { link, page, ref, state, email } = input;
  const optin = state.kind === 'optin';
  const linkPart = optin ? { page, topic: state.topic, cadence: state.cadence, ref } : { page, ref, text: state.text };
  const style = {
    label: state.label,
    variant: state.variant === 'filled' ? undefined : state.variant,
    size: state.size === 'medium' ? undefined : state.size,
  };
  const behaviour = { greeting: state.greeting, 'greeting-delay': state.greeting && state.delay !== '3' ? state.delay : undefined, handoff: state.handoff };
  const accent = state.accent.toLowerCase() === '#0866ff' ? '' : ` style="--mme-accent:${state.accent}"`;
  const script = `<script src="${CDN}" async${attributes({ ...linkPart, ...style, position: state.position === 'bottom-right' ? undefined : state.position, ...behaviour }, 'data-')}></script>`;
  const label = state.label || (optin ? 'Get updates on Messenger' : 'Message us');
  const element = `<mme-chat-button${attributes({ ...linkPart, ...style, ...behaviour })}${accent}>\n  <a href="${escape(link)}">${escape(label)}</a>\n</mme-chat-button>\n<script src="${CDN}" async></script>`;
  return { link, script, element, email: email.html, emailText: email.text.trimEnd() };
}
