import type { Strings } from '../index.js';

/** French. */
export default {
  chat: 'Écrivez-nous',
  optin: 'Recevoir nos nouvelles sur Messenger',
  instagram: 'Écrivez-nous sur Instagram',
  popoverTitle: 'Scannez avec votre téléphone',
  openHere: 'Ouvrir Messenger sur cet ordinateur',
  close: 'Fermer',
  dismiss: 'Ignorer',
  away: 'Nous sommes absents. Nous répondons à partir de {time}.',
  awayNoNext: 'Nous sommes absents pour le moment.',
  qrLabel: 'Code QR : ouvrez {app} sur votre téléphone pour écrire à {name}',
  qrCode: 'Code QR : écrire à {name} sur {app}',
  qrOptin: 'Code QR : recevoir les nouvelles de {name} sur Messenger',
  download: 'Télécharger en {format}',
} satisfies Strings;
