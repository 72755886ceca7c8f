/**
 * The few DOM calls the elements draw with. They render by creating their nodes once and then
 * setting attributes and text, instead of through lit-html's templates: that keeps about 3 KB of
 * template engine out of what a page with a floating button downloads (SPEC §8: 10 KB in all).
 * Text is only ever set as text, never parsed as markup, which also satisfies Trusted Types.
 */

/** An attribute's value: null, undefined or false leave the attribute out, true sets it empty. */
export type AttributeValue = string | number | boolean | null | undefined;

/** Attributes, and listeners under `on` + the event's name (`onclick`). */
export type Attributes = Record<string, AttributeValue | ((event: Event) => void)>;

type Child = Node | string | null | undefined | false;

/** Sets, or with null, undefined or false removes, each attribute of `element`. */
export function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value == null || value === false) element.removeAttribute(name);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
}

function fill<E extends Element>(element: E, attributes: Attributes, children: Child[]): E {
  setAttributes(element, attributes);
  for (const child of children) if (child != null && child !== false) element.append(child);
  return element;
}

/** Creates an HTML element with its attributes, listeners and children. */
export const html = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] =>
  fill(document.createElement(tag), attributes, children);

/** Creates an SVG element with its attributes and children. */
export const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] =>
  fill(document.createElementNS('http://www.w3.org/2000/svg', tag), attributes, children);
