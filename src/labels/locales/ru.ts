import type { Strings } from '../index.js';

/** Russian. */
export default {
  chat: 'Напишите нам',
  optin: 'Получать новости в Messenger',
  instagram: 'Напишите нам в Instagram',
  popoverTitle: 'Отсканируйте телефоном',
  openHere: 'Открыть Messenger на этом компьютере',
  close: 'Закрыть',
  dismiss: 'Скрыть',
  away: 'Сейчас мы не на связи. Снова на связи: {time}.',
  awayNoNext: 'Сейчас мы не на связи.',
  qrLabel: 'QR-код: откройте {app} на телефоне, чтобы написать {name}',
  qrCode: 'QR-код: написать {name} в {app}',
  qrOptin: 'QR-код: получать новости {name} в Messenger',
  download: 'Скачать {format}',
} satisfies Strings;
