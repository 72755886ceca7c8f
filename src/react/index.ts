// React components for the elements, made with Lit's @lit/react: typed props for every property
// and `onMme…` props for the events. React 18 and 19; the app installs react and @lit/react.
import { type EventName, createComponent } from '@lit/react';
import * as React from 'react';
import { MmeChatButton as ChatButtonElement, MmeQrCode as QrCodeElement } from '../components/index.js';
import type { MmeClickEvent, MmeGreetingDismissEvent, MmeGreetingShowEvent, MmeInvalidEvent } from '../components/index.js';

const ChatButtonBase = createComponent({
  tagName: 'mme-chat-button',
  elementClass: ChatButtonElement,
  react: React,
  events: {
    onMmeClick: 'mme-click' as EventName<MmeClickEvent>,
    onMmeInvalid: 'mme-invalid' as EventName<MmeInvalidEvent>,
    onMmeGreetingShow: 'mme-greeting-show' as EventName<MmeGreetingShowEvent>,
    onMmeGreetingDismiss: 'mme-greeting-dismiss' as EventName<MmeGreetingDismissEvent>,
  },
});

const QrCodeBase = createComponent({
  tagName: 'mme-qr-code',
  elementClass: QrCodeElement,
  react: React,
  events: { onMmeInvalid: 'mme-invalid' as EventName<MmeInvalidEvent> },
});

/** React keeps the prop `ref` for itself: the link's ref is the prop `linkRef`. */
type WithLinkRef<Props> = Omit<Props, 'ref'> & {
  /** The link's `ref` (sent to your webhook; a template such as `web-{path}` expands for the page). */
  readonly linkRef?: string;
};

/**
 * The element's attributes from React props, for the server's HTML: every prop that is one of the
 * element's attributes and holds text, a number or true. In a hydrated page the element upgrades
 * from this tag before React sets its properties, so it must already know its page.
 */
function serverAttributes(element: typeof ChatButtonElement | typeof QrCodeElement, props: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, options] of element.elementProperties) {
    // React takes a prop named ref as its own, even on a tag: the link's ref is written as link-ref.
    if (name === 'ref') continue;
    const value = props[String(name)];
    if (options.attribute === false || value == null || value === false || typeof value === 'object' || typeof value === 'function') continue;
    attributes[typeof options.attribute === 'string' ? options.attribute : String(name).toLowerCase()] = value === true ? '' : String(value);
  }
  return attributes;
}

/**
 * Wraps a component so that on a server it renders the tag with its attributes (the link's ref as
 * `link-ref`); in the browser, @lit/react sets each prop, `linkRef` included, as the element's
 * property before its first update.
 */
function withLinkRef<E extends HTMLElement, Props extends object>(
  Base: React.ComponentType<Props & React.RefAttributes<E>>,
  elementClass: typeof ChatButtonElement | typeof QrCodeElement,
  tag: string,
  name: string,
) {
  const Component = React.forwardRef<E, WithLinkRef<Props>>((allProps, forwarded) =>
    // A server has no document: it sends the tag with its attributes (this never changes between renders).
    typeof document === 'undefined'
      ? React.createElement(tag, serverAttributes(elementClass, allProps as Record<string, unknown>))
      : React.createElement(Base, { ...(allProps as unknown as Props), ref: forwarded }),
  );
  Component.displayName = name;
  return Component;
}

/** `<mme-chat-button>` for React: `<MmeChatButton page="OriginalCoastClothing" linkRef="web-{path}" onMmeClick={(e) => …} />`. */
export const MmeChatButton = withLinkRef<ChatButtonElement, React.ComponentProps<typeof ChatButtonBase>>(ChatButtonBase as never, ChatButtonElement, 'mme-chat-button', 'MmeChatButton');

/** `<mme-qr-code>` for React: `<MmeQrCode page="OriginalCoastClothing" linkRef="flyer" logo onMmeInvalid={(e) => …} />`. */
export const MmeQrCode = withLinkRef<QrCodeElement, React.ComponentProps<typeof QrCodeBase>>(QrCodeBase as never, QrCodeElement, 'mme-qr-code', 'MmeQrCode');
