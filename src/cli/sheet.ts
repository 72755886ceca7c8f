import { escapeMarkup as escape } from '../qr/index.js';

/** "Scan to chat with us" in each language the kit speaks: the contact sheet's call to scan. */
const SCAN: Readonly<Record<string, string>> = {
  en: 'Scan to chat with us',
  ar: 'امسح الرمز للدردشة معنا',
  de: 'Scannen und mit uns chatten',
  es: 'Escanea para chatear con nosotros',
  fr: 'Scannez pour discuter avec nous',
  he: 'סרקו כדי לשוחח איתנו',
  hi: 'हमसे चैट करने के लिए स्कैन करें',
  id: 'Pindai untuk mengobrol dengan kami',
  it: 'Scansiona per chattare con noi',
  ja: 'スキャンしてチャットでお問い合わせ',
  ko: '스캔하여 채팅으로 문의하세요',
  nl: 'Scan om met ons te chatten',
  pl: 'Zeskanuj, aby z nami porozmawiać',
  pt: 'Escaneie para conversar conosco',
  ru: 'Отсканируйте, чтобы написать нам',
  th: 'สแกนเพื่อแชทกับเรา',
  tr: 'Bizimle sohbet etmek için tarayın',
  uk: 'Скануйте, щоб написати нам',
  vi: 'Quét mã để trò chuyện với chúng tôi',
  zh: '扫码与我们聊天',
};
/** The languages the contact sheet speaks. */
export const SHEET_LANGUAGES = Object.keys(SCAN);
const RTL = new Set(['ar', 'he']);

export interface SheetItem {
  readonly href: string;
  readonly stem: string;
  readonly ref: string;
  readonly label: string;
  readonly channel: string;
}

/**
 * The contact sheet `mme batch` writes: a card per code to cut out and put on a counter, with the
 * shop's name (`title`), the call to scan in the sheet's language, the label under the code, and
 * the raw ref and link in small print for whoever checks the report later. A4 in print.
 */
export function contactSheet(items: readonly SheetItem[], { title, lang = 'en' }: { title?: string; lang?: string } = {}): string {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  const scan = SCAN[primary] ?? SCAN.en;
  const channels = [...new Set(items.map((i) => (i.channel === 'instagram' ? 'Instagram' : 'Messenger')))].join(' and ');
  const heading = title ? escape(title) : `${channels} QR codes`;
  const cards = items
    .map(
      (i) =>
        `<figure>${title ? `<p class="shop">${escape(title)}</p>` : ''}<p class="scan">${escape(scan)}</p><img src="${escape(i.stem)}.svg" alt="QR code: ${escape(i.label || i.ref)}" width="180" height="180"><figcaption><strong>${escape(i.label || i.ref)}</strong><small>ref <code>${escape(i.ref)}</code> · ${escape(i.href)}</small></figcaption></figure>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escape(lang)}"${RTL.has(primary) ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1c1e21; background: #fff; }
h1 { font-size: 20px; margin: 0 0 16px; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
figure { margin: 0; padding: 16px 12px; border: 1px dashed #888; break-inside: avoid; text-align: center; }
.shop { font-size: 18px; font-weight: 700; margin: 0 0 4px; }
.scan { font-size: 16px; margin: 0 0 8px; }
img { display: block; margin: 0 auto 8px; }
figcaption strong { display: block; font-size: 15px; }
small { display: block; margin-top: 6px; font-size: 9px; color: #555; word-break: break-all; }
@page { size: A4; margin: 12mm; }
@media print { body { margin: 0; } h1 { display: none; } main { grid-template-columns: repeat(3, 1fr); } }
</style>
</head>
<body>
<h1>${heading}</h1>
<main>
${cards}
</main>
</body>
</html>
`;
}
