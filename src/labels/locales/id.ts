import type { Strings } from '../index.js';

/** Indonesian. */
export default {
  chat: 'Kirim pesan',
  optin: 'Dapatkan info terbaru di Messenger',
  instagram: 'Kirim pesan di Instagram',
  popoverTitle: 'Pindai dengan ponsel Anda',
  openHere: 'Buka Messenger di komputer ini',
  close: 'Tutup',
  dismiss: 'Abaikan',
  away: 'Kami sedang tidak aktif. Kami membalas mulai {time}.',
  awayNoNext: 'Kami sedang tidak aktif.',
  qrLabel: 'Kode QR: buka {app} di ponsel Anda untuk mengirim pesan ke {name}',
  qrCode: 'Kode QR: kirim pesan ke {name} di {app}',
  qrOptin: 'Kode QR: dapatkan info terbaru dari {name} di Messenger',
  download: 'Unduh {format}',
} satisfies Strings;
