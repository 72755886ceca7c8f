import { emailButton, emailQr, qrPng } from '../../src/email/index.js';

// The snippets exactly as emailButton and emailQr write them; in a real email the QR image is a
// PNG you host, shown here from a local copy made by qrPng.
const options = { page: 'OriginalCoastClothing', ref: 'newsletter-2026-11' };
const button = emailButton(options);
document.querySelector('#button')!.innerHTML = button.html;
const png = await qrPng(button.href, { scale: 8 });
const local = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
document.querySelector('#qr')!.innerHTML = emailQr({ ...options, imageUrl: 'https://cdn.example.com/messenger-qr.png' }).html.replace('https://cdn.example.com/messenger-qr.png', local);
