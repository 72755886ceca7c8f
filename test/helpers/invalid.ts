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

/**
 * Adds an element with a mistake in how it looks or behaves, and checks that the business's link
 * stays: the link renders, the element is not `invalid`, no `mme-invalid` and no console.error,
 * and one console.warn names `code`. Returns the element (still attached) for more checks.
 */
export async function expectWarned(tag: string, attributes: Record<string, string>, code: string): Promise<LitElement> {
  const console = captureConsole();
  try {
    const element = document.createElement(tag) as LitElement;
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    let invalid = false;
    element.addEventListener('mme-invalid', () => (invalid = true));
    document.body.append(element);
    await element.updateComplete;
    await element.updateComplete;
    expect(element.hasAttribute('invalid'), 'not invalid').to.equal(false);
    expect(invalid, 'no mme-invalid').to.equal(false);
    expect(element.shadowRoot!.querySelector('a[href^="https://"]'), 'the link is there').to.not.equal(null);
    expect(console.errors, 'no console.error').to.deep.equal([]);
    expect(console.warnings.filter((w) => w.includes(code)), `one warning naming ${code}`).to.have.length(1);
    return element;
  } finally {
    console.restore();
  }
}
