import type { Strings } from '../index.js';

/** German. */
export default {
  chat: 'Schreib uns',
  optin: 'Updates auf Messenger erhalten',
  instagram: 'Schreib uns auf Instagram',
  popoverTitle: 'Mit dem Handy scannen',
  openHere: 'Messenger auf diesem Computer öffnen',
  close: 'Schließen',
  dismiss: 'Ausblenden',
  away: 'Wir sind gerade nicht da. Wir antworten ab {time}.',
  awayNoNext: 'Wir sind gerade nicht da.',
  qrLabel: 'QR-Code: Öffne {app} auf deinem Handy, um {name} zu schreiben',
  qrCode: 'QR-Code: {name} auf {app} schreiben',
  qrOptin: 'QR-Code: Updates von {name} auf Messenger erhalten',
  download: '{format} herunterladen',
} satisfies Strings;
