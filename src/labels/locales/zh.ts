import type { Strings } from '../index.js';

/** Chinese (Simplified). */
export default {
  chat: '给我们发消息',
  optin: '在 Messenger 上接收更新',
  instagram: '在 Instagram 上给我们发消息',
  popoverTitle: '用手机扫描',
  openHere: '在这台电脑上打开 Messenger',
  close: '关闭',
  dismiss: '忽略',
  away: '我们暂时不在，将于{time}起回复。',
  awayNoNext: '我们暂时不在。',
  qrLabel: '二维码：在手机上打开 {app}，给 {name} 发消息',
  qrCode: '二维码：在 {app} 上给 {name} 发消息',
  qrOptin: '二维码：在 Messenger 上接收 {name} 的更新',
  download: '下载 {format}',
} satisfies Strings;
