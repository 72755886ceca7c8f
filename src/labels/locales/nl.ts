import type { Strings } from '../index.js';

/** Dutch. */
export default {
  chat: 'Stuur ons een bericht',
  optin: 'Ontvang updates via Messenger',
  instagram: 'Stuur ons een bericht op Instagram',
  popoverTitle: 'Scan met je telefoon',
  openHere: 'Messenger openen op deze computer',
  close: 'Sluiten',
  dismiss: 'Verbergen',
  away: 'We zijn er nu niet. We reageren vanaf {time}.',
  awayNoNext: 'We zijn er nu niet.',
  qrLabel: 'QR-code: open {app} op je telefoon om {name} een bericht te sturen',
  qrCode: 'QR-code: stuur {name} een bericht op {app}',
  qrOptin: 'QR-code: ontvang updates van {name} via Messenger',
  download: '{format} downloaden',
} satisfies Strings;
