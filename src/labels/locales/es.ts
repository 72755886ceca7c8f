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
  qrCode: 'Código QR: escribe a {name} en {app}',
  qrOptin: 'Código QR: recibe novedades de {name} en Messenger',
  download: 'Descargar {format}',
} satisfies Strings;
