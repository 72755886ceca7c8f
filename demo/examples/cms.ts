import { start } from '../../src/embed/index.js';

start(null);
// What a page builder does after load: inserts markup, with an element and a QR link.
setTimeout(() => {
  const late = document.querySelector('#late')!;
  late.innerHTML = `
    <mme-chat-button page="OriginalCoastClothing" ref="cms-late" variant="outline"><a href="https://m.me/OriginalCoastClothing?ref=cms-late">Message us</a></mme-chat-button>
    <p><a href="https://m.me/OriginalCoastClothing?ref=cms-qr" data-mme="qr">Scan to chat</a></p>`;
}, 800);
