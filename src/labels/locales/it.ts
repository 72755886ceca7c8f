import type { Strings } from '../index.js';

/** Italian. */
export default {
  chat: 'Scrivici',
  optin: 'Ricevi aggiornamenti su Messenger',
  instagram: 'Scrivici su Instagram',
  popoverTitle: 'Scansiona con il telefono',
  openHere: 'Apri Messenger su questo computer',
  close: 'Chiudi',
  dismiss: 'Ignora',
  away: 'Ora non ci siamo. Rispondiamo da {time}.',
  awayNoNext: 'Ora non ci siamo.',
  qrLabel: 'Codice QR: apri {app} sul telefono per scrivere a {name}',
  qrCode: 'Codice QR: scrivi a {name} su {app}',
  qrOptin: 'Codice QR: ricevi aggiornamenti da {name} su Messenger',
  download: 'Scarica {format}',
} satisfies Strings;
