import type { Strings } from '../index.js';

/** Ukrainian. */
export default {
  chat: 'Напишіть нам',
  optin: 'Отримувати новини в Messenger',
  instagram: 'Напишіть нам в Instagram',
  popoverTitle: 'Відскануйте телефоном',
  openHere: "Відкрити Messenger на цьому комп'ютері",
  close: 'Закрити',
  dismiss: 'Сховати',
  away: "Зараз ми не на зв'язку. Знову на зв'язку: {time}.",
  awayNoNext: "Зараз ми не на зв'язку.",
  qrLabel: 'QR-код: відкрийте {app} на телефоні, щоб написати {name}',
  qrCode: 'QR-код: написати {name} в {app}',
  qrOptin: 'QR-код: отримувати новини {name} в Messenger',
  download: 'Завантажити {format}',
} satisfies Strings;
