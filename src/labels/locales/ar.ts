import type { Strings } from '../index.js';

/** Arabic. */
export default {
  chat: 'راسلنا',
  optin: 'احصل على التحديثات على Messenger',
  instagram: 'راسلنا على Instagram',
  popoverTitle: 'امسح الرمز بهاتفك',
  openHere: 'افتح Messenger على هذا الكمبيوتر',
  close: 'إغلاق',
  dismiss: 'تجاهل',
  away: 'نحن غير متاحين الآن. نعود: {time}.',
  awayNoNext: 'نحن غير متاحين الآن.',
  qrLabel: 'رمز QR: افتح {app} على هاتفك لمراسلة {name}',
  qrCode: 'رمز QR: راسل {name} على {app}',
  qrOptin: 'رمز QR: احصل على تحديثات {name} على Messenger',
  download: 'تنزيل {format}',
} satisfies Strings;
