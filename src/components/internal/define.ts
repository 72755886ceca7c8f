/** Defines a custom element once: loading the kit twice (script tag and npm build) is fine. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
