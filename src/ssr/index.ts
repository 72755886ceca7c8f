// Server rendering of the elements with Lit's own renderer (@lit-labs/ssr, which an app that
// uses this entry installs): the first HTML holds the real <a href> and the QR code's SVG, in
// declarative shadow DOM, so they show and work before (and without) JavaScript.
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { MmeChatButton, MmeQrCode } from '../components/index.js';
import { language, loadStrings } from '../labels/index.js';
import { LinkError, type PageContext } from '../link/index.js';
import { escapeMarkup } from '../qr/index.js';

/** An element's attributes: text or a number, `true` for a boolean attribute; false, null and undefined leave one out. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes ?? {})
    .map(([name, value]) => {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new LinkError({ code: 'options-invalid', field: 'options', severity: 'error', message: `attribute name ${JSON.stringify(name)} is not one of the element's attributes` });
      if (value == null || value === false) return '';
      // An object would be written as "[object Object]": an attribute holds text, a number or true.
      if (typeof value === 'object' || typeof value === 'function') throw new LinkError({ code: 'options-invalid', field: 'options', severity: 'error', message: `attribute ${name} must be text, a number or true, not ${typeof value}` });
      return value === true ? ` ${name}` : ` ${name}="${escapeMarkup(String(value))}"`;
    })
    .join('');
}

/** The elements this module renders, by class: importing them is what defines their tags for the renderer. */
const TAGS = new Map<CustomElementConstructor, string>([
  [MmeChatButton, 'mme-chat-button'],
  [MmeQrCode, 'mme-qr-code'],
]);

/** The HTML of one element, its shadow root declared inside; `context` is the page a ref template expands for. */
async function renderElement(element: CustomElementConstructor, attributes: Attributes, context?: Partial<PageContext>): Promise<string> {
  const tag = TAGS.get(element)!;
  const ref = attributes?.ref ?? attributes?.['link-ref'];
  // A ref with a token ({path}, {query.NAME}…; `{{` is a literal brace) needs the request's page.
  if (typeof ref === 'string' && !context && /\{(?!\{)/.test(ref.replace(/\{\{|\}\}/g, ''))) {
    throw new LinkError({ code: 'ref-template-invalid', field: 'ref', severity: 'error', message: `ref ${JSON.stringify(ref)} is a template: pass the request's page as the context, such as { path: '/shoes/' }` });
  }
  // The built-in words in the page's language: the element's own lang, else the request's page's.
  const lang = language(String(attributes?.lang ?? context?.lang ?? 'en'));
  const strings = await loadStrings(lang);
  return collectResult(
    render(html`<${unsafeStatic(tag)}${unsafeStatic(attributeText(attributes))} .context=${context} .strings=${strings} .stringsLang=${lang}></${unsafeStatic(tag)}>`),
  );
}

/**
 * `<mme-chat-button>` as HTML for a server to send: the element with its attributes and a
 * declarative shadow root holding the real link, styled, so the button shows and works before
 * JavaScript, and without it. Attributes that cannot make a link render none, as in a browser.
 * `context` is the request's page, for a `ref` template (`web-{path}`), and its `lang` for the
 * built-in words (`{ lang: 'es' }` gives "Escríbenos"). Load
 * `@lit-labs/ssr-client/lit-element-hydrate-support.js` before the elements in the browser so
 * that they take over this HTML instead of drawing it again.
 * @throws {LinkError} `ref-template-invalid` for a template without a context, or an invalid one.
 * @example await renderChatButton({ page: 'OriginalCoastClothing', ref: 'web-{path}' }, { path: '/shoes/' })
 */
export function renderChatButton(attributes: Attributes, context?: Partial<PageContext>): Promise<string> {
  return renderElement(MmeChatButton, attributes, context);
}

/**
 * `<mme-qr-code>` as HTML for a server to send, its SVG code inside a declarative shadow root:
 * it shows, and scans, before JavaScript and without it.
 * @example await renderQrCode({ page: 'OriginalCoastClothing', ref: 'flyer', logo: true })
 */
export function renderQrCode(attributes: Attributes): Promise<string> {
  return renderElement(MmeQrCode, attributes);
}
