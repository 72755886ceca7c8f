import type { Strings } from '../index.js';

/** Turkish. */
export default {
  chat: 'Bize yazın',
  optin: "Messenger'da güncellemeleri alın",
  instagram: "Bize Instagram'dan yazın",
  popoverTitle: 'Telefonunuzla tarayın',
  openHere: "Messenger'ı bu bilgisayarda açın",
  close: 'Kapat',
  dismiss: 'Gizle',
  away: 'Şu an uzaktayız. Dönüşümüz: {time}.',
  awayNoNext: 'Şu an uzaktayız.',
  qrLabel: 'QR kodu: {name} hesabına yazmak için telefonunuzda {app} uygulamasını açın',
  qrCode: 'QR kodu: {app} üzerinden {name} hesabına yazın',
  qrOptin: "QR kodu: Messenger'da {name} güncellemelerini alın",
  download: '{format} indir',
} satisfies Strings;
