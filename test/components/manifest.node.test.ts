import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

type Declaration = { tagName?: string; attributes?: { name?: string; description?: string }[]; cssParts?: { name: string }[]; cssProperties?: { name: string }[]; events?: { name?: string }[] };

describe('custom-elements.json (built from the doc blocks)', () => {
  const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  const element = (tag: string) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);

  const expected = {
    'mme-chat-button': {
      attributes: ['page', 'instagram', 'ref', 'link-ref', 'text', 'topic', 'cadence', 'label', 'variant', 'size', 'target', 'position', 'accent', 'on-accent', 'greeting', 'greeting-delay', 'remember-dismiss', 'handoff', 'data-layer', 'beacon', 'invalid',
        'greeting-name', 'greeting-avatar', 'greeting-on', 'hours', 'timezone', 'closed-on', 'when-away', 'away', 'away-message', 'popover-title', 'open-here-label', 'close-label'],
      parts: ['base', 'icon', 'label', 'greeting', 'popover', 'menu'],
      events: ['mme-click', 'mme-greeting-show', 'mme-greeting-dismiss', 'mme-invalid'],
      properties: ['--mme-accent', '--mme-on-accent', '--mme-radius', '--mme-font', '--mme-shadow', '--mme-offset-x', '--mme-offset-y', '--mme-z-index', '--mme-instagram-gradient'],
    },
    'mme-qr-code': {
      attributes: ['page', 'instagram', 'ref', 'link-ref', 'text', 'topic', 'cadence', 'value', 'label', 'size', 'margin', 'error-correction', 'logo', 'caption', 'download', 'invalid'],
      parts: ['base', 'code', 'caption', 'downloads'],
      events: ['mme-invalid'],
      properties: ['--mme-qr-background'],
    },
  };
  for (const [tag, want] of Object.entries(expected)) {
    it(`documents every attribute, part, event and custom property of <${tag}>`, () => {
      const found = element(tag);
      assert.ok(found, `${tag} is in the manifest`);
      const names = (list?: { name?: string }[]) => new Set((list ?? []).map((x) => x.name));
      assert.deepEqual([...names(found.attributes)].sort(), [...want.attributes].sort(), 'the attributes, and no internal state among them');
      for (const attribute of found.attributes ?? []) assert.ok(attribute.description, `attribute ${attribute.name} has a description`);
      for (const name of want.parts) assert.ok(names(found.cssParts).has(name), `part ${name}`);
      for (const name of want.events) assert.ok(names(found.events).has(name), `event ${name}`);
      for (const name of want.properties) assert.ok(names(found.cssProperties).has(name), `custom property ${name}`);
    });
  }
});
