import type { Strings } from '../index.js';

/** Thai. */
export default {
  chat: 'ส่งข้อความถึงเรา',
  optin: 'รับข่าวสารทาง Messenger',
  instagram: 'ส่งข้อความถึงเราทาง Instagram',
  popoverTitle: 'สแกนด้วยโทรศัพท์ของคุณ',
  openHere: 'เปิด Messenger บนคอมพิวเตอร์เครื่องนี้',
  close: 'ปิด',
  dismiss: 'ซ่อน',
  away: 'ขณะนี้เราไม่อยู่ เราจะตอบกลับตั้งแต่ {time}',
  awayNoNext: 'ขณะนี้เราไม่อยู่',
  qrLabel: 'คิวอาร์โค้ด: เปิด {app} บนโทรศัพท์เพื่อส่งข้อความถึง {name}',
  qrCode: 'คิวอาร์โค้ด: ส่งข้อความถึง {name} ทาง {app}',
  qrOptin: 'คิวอาร์โค้ด: รับข่าวสารจาก {name} ทาง Messenger',
  download: 'ดาวน์โหลด {format}',
} satisfies Strings;
