import type { Strings } from '../index.js';

/** Japanese. */
export default {
  chat: 'メッセージを送る',
  optin: 'Messengerで最新情報を受け取る',
  instagram: 'Instagramでメッセージを送る',
  popoverTitle: 'スマートフォンでスキャン',
  openHere: 'このコンピューターでMessengerを開く',
  close: '閉じる',
  dismiss: '非表示',
  away: 'ただいま営業時間外です。{time}から返信します。',
  awayNoNext: 'ただいま営業時間外です。',
  qrLabel: 'QRコード: スマートフォンで{app}を開いて{name}にメッセージを送る',
  qrCode: 'QRコード: {app}で{name}にメッセージを送る',
  qrOptin: 'QRコード: Messengerで{name}の最新情報を受け取る',
  download: '{format}をダウンロード',
} satisfies Strings;
