import { expect, oneEvent } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { captureConsole } from './console.js';

/**
 * Adds an element with the given attributes and checks the invalid state a person and a
 * developer would see: the `invalid` attribute, one console.error naming `code`, `mme-invalid`
 * with the problems, and nothing rendered. Returns the element (still attached) for more checks.
 */
export async function expectInvalid(tag: string, attributes: Record<string, string>, code: string): Promise<LitElement> {
  const console = captureConsole();
  try {
    const element = document.createElement(tag) as LitElement;
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    const event = oneEvent(element, 'mme-invalid');
    document.body.append(element);
    const { detail } = await event;
    await element.updateComplete;
    expect(detail.problems.map((p: { code: string }) => p.code)).to.include(code);
    expect(element.hasAttribute('invalid')).to.equal(true);
    expect(element.shadowRoot!.querySelector('a, svg'), 'nothing rendered: no link, no code').to.equal(null);
    expect(console.errors).to.have.length(1);
    expect(console.errors[0]).to.contain(code);
    return element;
  } finally {
    console.restore();
  }
}
