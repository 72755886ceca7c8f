import type { Strings } from '../index.js';

/** Hindi. */
export default {
  chat: 'हमें संदेश भेजें',
  optin: 'Messenger पर अपडेट पाएं',
  instagram: 'Instagram पर हमें संदेश भेजें',
  popoverTitle: 'अपने फ़ोन से स्कैन करें',
  openHere: 'इस कंप्यूटर पर Messenger खोलें',
  close: 'बंद करें',
  dismiss: 'हटाएं',
  away: 'अभी हम उपलब्ध नहीं हैं। हम {time} से जवाब देंगे।',
  awayNoNext: 'अभी हम उपलब्ध नहीं हैं।',
  qrLabel: 'QR कोड: {name} को संदेश भेजने के लिए अपने फ़ोन पर {app} खोलें',
  qrCode: 'QR कोड: {app} पर {name} को संदेश भेजें',
  qrOptin: 'QR कोड: Messenger पर {name} से अपडेट पाएं',
  download: '{format} डाउनलोड करें',
} satisfies Strings;
