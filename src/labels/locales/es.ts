import type { Strings } from '../index.js';

/** Spanish. */
export default {
  chat: 'Escríbenos',
  optin: 'Recibe novedades en Messenger',
  instagram: 'Escríbenos en Instagram',
  popoverTitle: 'Escanea con tu teléfono',
  openHere: 'Abrir Messenger en este ordenador',
  close: 'Cerrar',
  dismiss: 'Descartar',
  away: 'Ahora no estamos. Respondemos desde el {time}.',
  awayNoNext: 'Ahora no estamos.',
  qrLabel: 'Código QR: abre {app} en tu teléfono para escribir a {name}',
} satisfies Strings;
