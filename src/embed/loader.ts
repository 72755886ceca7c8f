// The classic script of the script-tag embed (dist/cdn/embed.js). It only finds its own tag, at
// once, while document.currentScript still points at it, and loads the ES-module embed next to
// it, so that the QR code's code can stay in a chunk loaded only when a page needs one.
(() => {
  const script = (document.currentScript ?? document.querySelector('script[src*="embed.js"]')) as HTMLScriptElement | null;
  const base = script?.src || location.href;
  import(new URL('embed.module.js', base).href).then(
    (embed: { start(script: HTMLScriptElement | null): void }) => embed.start(script),
    (error) => console.error('mme-kit: could not load embed.module.js next to embed.js', error),
  );
})();
