import type { Strings } from '../index.js';

/** Polish. */
export default {
  chat: 'Napisz do nas',
  optin: 'Otrzymuj nowości w Messengerze',
  instagram: 'Napisz do nas na Instagramie',
  popoverTitle: 'Zeskanuj telefonem',
  openHere: 'Otwórz Messengera na tym komputerze',
  close: 'Zamknij',
  dismiss: 'Ukryj',
  away: 'Teraz nas nie ma. Wracamy: {time}.',
  awayNoNext: 'Teraz nas nie ma.',
  qrLabel: 'Kod QR: otwórz {app} w telefonie, aby napisać do {name}',
  qrCode: 'Kod QR: napisz do {name} na {app}',
  qrOptin: 'Kod QR: otrzymuj nowości od {name} w Messengerze',
  download: 'Pobierz {format}',
} satisfies Strings;
