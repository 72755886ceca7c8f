import type { Strings } from '../index.js';

/** Portuguese. */
export default {
  chat: 'Fale conosco',
  optin: 'Receba novidades no Messenger',
  instagram: 'Fale conosco no Instagram',
  popoverTitle: 'Escaneie com seu celular',
  openHere: 'Abrir o Messenger neste computador',
  close: 'Fechar',
  dismiss: 'Dispensar',
  away: 'Estamos ausentes. Respondemos a partir de {time}.',
  awayNoNext: 'Estamos ausentes no momento.',
  qrLabel: 'Código QR: abra o {app} no celular para falar com {name}',
  qrCode: 'Código QR: fale com {name} no {app}',
  qrOptin: 'Código QR: receba novidades de {name} no Messenger',
  download: 'Baixar {format}',
} satisfies Strings;
