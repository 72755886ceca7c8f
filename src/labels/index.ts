// The kit's built-in words, shared by the elements, email snippets and the configurator: no DOM,
// no dependencies, so that every output says the same thing.

/**
 * The built-in label for a link of this `kind`: short on a button, where the Messenger icon says
 * the rest (`button`), and naming Messenger where the words stand alone (`email`).
 * @example defaultLabel('chat') // 'Message us'
 */
export const defaultLabel = (kind: 'chat' | 'optin', where: 'button' | 'email' = 'button'): string =>
  kind === 'optin' ? 'Get updates on Messenger' : where === 'email' ? 'Message us on Messenger' : 'Message us';
