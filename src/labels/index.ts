// The kit's built-in words, shared by the elements, email snippets and the configurator: no DOM,
// no dependencies, so that every output says the same thing.

/**
 * The built-in label for a link of this `kind`: short on a Messenger button, where the icon says
 * the rest (`button`), and naming Messenger where the words stand alone (`email`). Instagram is
 * always named: a launcher with both channels says "Message us".
 * @example defaultLabel('chat') // 'Message us'
 */
export const defaultLabel = (kind: 'chat' | 'optin' | 'instagram', where: 'button' | 'email' = 'button'): string =>
  kind === 'optin' ? 'Get updates on Messenger' : kind === 'instagram' ? 'Message us on Instagram' : where === 'email' ? 'Message us on Messenger' : 'Message us';
