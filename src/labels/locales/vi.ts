import type { Strings } from '../index.js';

/** Vietnamese. */
export default {
  chat: 'Nhắn tin cho chúng tôi',
  optin: 'Nhận tin mới trên Messenger',
  instagram: 'Nhắn tin cho chúng tôi trên Instagram',
  popoverTitle: 'Quét bằng điện thoại',
  openHere: 'Mở Messenger trên máy tính này',
  close: 'Đóng',
  dismiss: 'Ẩn',
  away: 'Chúng tôi đang vắng mặt. Chúng tôi sẽ trả lời từ {time}.',
  awayNoNext: 'Chúng tôi đang vắng mặt.',
  qrLabel: 'Mã QR: mở {app} trên điện thoại để nhắn tin cho {name}',
  qrCode: 'Mã QR: nhắn tin cho {name} trên {app}',
  qrOptin: 'Mã QR: nhận tin mới từ {name} trên Messenger',
  download: 'Tải xuống {format}',
} satisfies Strings;
