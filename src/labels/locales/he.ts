import type { Strings } from '../index.js';

/** Hebrew. */
export default {
  chat: 'שלחו לנו הודעה',
  optin: 'קבלו עדכונים ב-Messenger',
  instagram: 'שלחו לנו הודעה ב-Instagram',
  popoverTitle: 'סרקו עם הטלפון',
  openHere: 'פתחו את Messenger במחשב הזה',
  close: 'סגירה',
  dismiss: 'הסתרה',
  away: 'אנחנו לא זמינים כרגע. נענה החל מ-{time}.',
  awayNoNext: 'אנחנו לא זמינים כרגע.',
  qrLabel: 'קוד QR: פתחו את {app} בטלפון כדי לשלוח הודעה ל-{name}',
  qrCode: 'קוד QR: שליחת הודעה ל-{name} ב-{app}',
  qrOptin: 'קוד QR: קבלת עדכונים מ-{name} ב-Messenger',
  download: 'הורדת {format}',
} satisfies Strings;
