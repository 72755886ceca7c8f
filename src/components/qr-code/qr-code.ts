import { html, nothing, type PropertyValues, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { APPS, fill } from '../../labels/index.js';
import { foldRef, parseLink } from '../../link/index.js';
import {
  ICON_BLUE,
  ICON_PATHS,
  INSTAGRAM_PATHS,
  INSTAGRAM_PINK,
  type ErrorCorrection,
  type PreparedQr,
  QrError,
  type Rgb,
  colorWarnings,
  encodeQr,
  logoBox,
  logoTransform,
  modulesPath,
  overLogoPaths,
  parseColor,
  pngBytes,
  svgDocument,
  toHex,
  wholeNumber,
  withScheme,
} from '../../qr/index.js';
import { defineElement } from '../internal/define.js';
import { type ElementProblem, LinkElement, type ResolvedLink, channelOf } from '../internal/link-element.js';
import { styles } from './qr-code.styles.js';

/**
 * A QR code of an m.me or ig.me link, drawn as crisp SVG, that phone cameras open in Messenger or Instagram.
 *
 * @tagname mme-qr-code
 * @summary A scannable QR code of a Messenger chat or opt-in link, or of an Instagram link.
 * @fires mme-invalid - The attributes cannot make a valid code; `detail.problems` says why.
 * @slot - Shown under the code and caption: put the same link here (`<a href="https://m.me/…">Message us</a>`) for phones, which cannot scan their own screen, and for keyboards and screen readers.
 * @csspart base - The figure holding the code, caption and buttons.
 * @csspart code - The SVG code.
 * @csspart caption - The visible caption.
 * @csspart downloads - The row of download buttons.
 * @cssproperty color - The modules' colour. Default black.
 * @cssproperty --mme-qr-background - The background and quiet zone. Default white.
 * @cssproperty --mme-accent - The download buttons' colour.
 * @cssproperty --mme-font - The caption's font.
 */
export class MmeQrCode extends LinkElement {
  static override styles = styles;
  /** Any m.me or ig.me link to encode, instead of the link attributes. */
  @property() value?: string;
  /** Accessible name. Default: "QR code: message PAGE on Messenger" (or "on Instagram"), in the page's language. */
  @property() label?: string;
  /**
   * Width and height in CSS pixels, the most the code takes: it snaps down to a whole number of
   * device pixels per module, which is what keeps it sharp and scannable. A long link has many
   * modules, so its code can draw well below `size` (145 modules at 200 on a 1x screen: 145 px);
   * give it a larger size.
   */
  @property({ type: Number }) size = 200;
  /** Quiet zone around the code, in modules. 4 is the QR standard's minimum. */
  @property({ type: Number }) margin = 4;
  /** The highest error-correction level, L, M, Q or H; steps down when the link does not fit. */
  @property({ attribute: 'error-correction' }) errorCorrection: ErrorCorrection = 'M';
  /** The Messenger (or Instagram) icon in the centre, with error correction raised to H when that fits. */
  @property({ type: Boolean, reflect: true }) logo = false;
  /** Visible text under the code. */
  @property() caption?: string;
  /** Shows PNG and SVG download buttons. */
  @property({ type: Boolean, reflect: true }) download = false;

  /** The last encoding and its path, kept while the link and the options that shape it stay the same. */
  private encoded?: { key: string; qr: PreparedQr; path: string };

  /** The code on show: the last encoding, while the attributes make a valid link. */
  private get qr(): PreparedQr | null {
    return (this.link && this.encoded?.qr) ?? null;
  }

  protected override resolveLinks(problems: ElementProblem[]): ResolvedLink[] {
    if (this.value == null) {
      const links = super.resolveLinks(problems);
      if (links.length < 2) return links;
      problems.push({ code: 'options-invalid', field: 'instagram', severity: 'error', message: 'instagram and page together make two links, and a QR code holds one: give one of them' });
      return [];
    }
    const parsed = parseLink(this.value);
    const { kind } = parsed;
    return [{ href: withScheme(this.value), page: kind == 'instagram' ? parsed.username : parsed.page, ref: parsed.ref ?? '', kind, channel: channelOf(kind) }];
  }

  protected override checkOwn(link: ResolvedLink, problems: ElementProblem[]): void {
    wholeNumber(this.size, 'size', 'size-invalid', 16, 4096);
    const options = { margin: this.margin, errorCorrection: String(this.errorCorrection).toUpperCase() as ErrorCorrection, logo: this.logo };
    // The link is already checked: resolveLink built it, or parsed the value. A change that
    // leaves the link and these options alone (caption, size, label) reuses the encoding and
    // its path, so lit-html finds the same path string and leaves the drawn code alone.
    const key = JSON.stringify([link.href, options]);
    if (this.encoded?.key !== key) {
      const qr = encodeQr(link.href, options);
      this.encoded = { key, qr, path: modulesPath(qr.matrix, qr.margin) };
    }
    // Colour warnings need the rendered CSS colours; they are added after rendering.
    problems.push(...this.encoded.qr.warnings.filter((w) => w.code !== 'qr-low-contrast'));
  }

  /** Module and background colours as the page's CSS sets them. */
  private colors(): { color: Rgb; background: Rgb } {
    const svgElement = this.renderRoot.querySelector('svg');
    const background = svgElement?.querySelector('.background');
    return {
      color: parseColor(getComputedStyle(svgElement ?? this).color),
      background: parseColor(background ? getComputedStyle(background).fill : '#fff', 'background'),
    };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The contrast check reads computed styles, which forces a style recalculation. Done in the
    // next frame, the reads of every code on the page share one recalculation instead of one each.
    cancelAnimationFrame(this.colorFrame);
    if (this.qr) this.colorFrame = requestAnimationFrame(() => this.checkColors());
  }

  private colorFrame = 0;

  private checkColors(): void {
    if (!this.qr || !this.isConnected) return;
    let extra: ElementProblem[];
    try {
      const { color, background } = this.colors();
      extra = colorWarnings(color, background);
    } catch (error) {
      if (!(error instanceof QrError)) throw error;
      extra = [{ code: error.code, field: error.field, severity: 'warning', message: error.message }];
    }
    this.problems = [...this.problems.filter((p) => p.code !== 'qr-low-contrast' && p.code !== 'color-invalid'), ...extra];
    this.report();
  }

  /** CSS pixels per side, snapped so each module is a whole number of device pixels. */
  private drawnSize(modules: number): number {
    const ratio = globalThis.devicePixelRatio || 1;
    return (Math.max(1, Math.floor((this.size * ratio) / modules)) * modules) / ratio;
  }

  private get accessibleName(): string {
    if (this.label) return this.label;
    const link = this.link;
    return fill(this.strings[link?.kind === 'optin' ? 'qrOptin' : 'qrCode'], { name: link?.page ?? '', app: APPS[link?.channel ?? 'messenger'] });
  }

  /** The code on show, for the export methods. @throws {QrError} `qr-invalid` or `qr-not-ready`. */
  private requireCode(): PreparedQr {
    if (this.qr) return this.qr;
    const error = this.problems.find((p) => p.severity === 'error');
    if (error) throw new QrError('qr-invalid', error.field, `<mme-qr-code> has no valid code: ${error.code}: ${error.message}`);
    throw new QrError('qr-not-ready', 'value', '<mme-qr-code> has not rendered yet: add it to the page and await its updateComplete first');
  }

  /** The code as a standalone SVG document, with the colours the page shows. */
  toSVG(): string {
    const { matrix, margin } = this.requireCode();
    const { color, background } = this.colors();
    return svgDocument(matrix, { margin, color: toHex(color), background: toHex(background), size: Math.round(this.drawnSize(matrix.size + 2 * margin)), title: this.accessibleName });
  }

  /**
   * The code as a PNG, with the colours the page shows.
   * @param options.scale Pixels per module. Default: twice the displayed size.
   */
  async toPNG(options: { scale?: number } = {}): Promise<Blob> {
    const qr = this.requireCode();
    const modules = qr.matrix.size + 2 * qr.margin;
    const scale = wholeNumber(options.scale ?? Math.max(1, Math.round((2 * this.drawnSize(modules)) / modules)), 'scale', 'scale-invalid', 1, 100);
    // The PNG encoder is loaded on the first call: most pages never ask for a PNG.
    const png = await pngBytes({ ...qr, ...this.colors() }, scale);
    return new Blob([png as BlobPart], { type: 'image/png' });
  }

  private async save(kind: 'png' | 'svg'): Promise<void> {
    const blob = kind === 'png' ? await this.toPNG() : new Blob([this.toSVG()], { type: 'image/svg+xml' });
    const anchor = document.createElement('a');
    anchor.href = URL.createObjectURL(blob);
    anchor.download = `${this.link!.channel}-qr-${foldRef([this.link!.page, this.link!.ref].filter(Boolean).join('-'))}.${kind}`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10_000);
  }

  private renderLogo(qr: PreparedQr) {
    const box = logoBox(qr.matrix, qr.margin);
    if (!box) return nothing;
    // The function patterns in the logo's area go over it, in the code's own colours.
    const over = overLogoPaths(qr.matrix, qr.margin);
    return svg`<g transform=${logoTransform(box)} shape-rendering="geometricPrecision">${
      qr.matrix.logo === 'instagram'
        ? svg`<path d=${INSTAGRAM_PATHS.tile} fill=${INSTAGRAM_PINK}></path><path d=${INSTAGRAM_PATHS.glyph} fill="#fff" fill-rule="evenodd"></path>`
        : svg`<path d=${ICON_PATHS.bubble} fill=${ICON_BLUE}></path><path d=${ICON_PATHS.bolt} fill="#fff"></path>`
    }</g>${over.light ? svg`<path class="background" d=${over.light}></path>` : nothing}${over.dark ? svg`<path class="modules" d=${over.dark}></path>` : nothing}`;
  }

  protected override render() {
    const qr = this.qr;
    if (!qr) return nothing;
    const side = qr.matrix.size + 2 * qr.margin;
    const pixels = this.drawnSize(side);
    return html`<figure part="base" class="base">
      <svg part="code" role="img" aria-label=${this.accessibleName} viewBox="0 0 ${side} ${side}" width=${pixels} height=${pixels} shape-rendering="crispEdges">
        <rect class="background" width=${side} height=${side}></rect><path class="modules" d=${this.encoded!.path}></path>${this.renderLogo(qr)}
      </svg>
      ${this.caption ? html`<figcaption part="caption" class="caption">${this.caption}</figcaption>` : nothing}
      <slot></slot>
      ${this.download
        ? html`<div part="downloads" class="downloads">
            <button type="button" aria-label=${fill(this.strings.download, { format: 'PNG' })} @click=${() => this.save('png')}>PNG</button
            ><button type="button" aria-label=${fill(this.strings.download, { format: 'SVG' })} @click=${() => this.save('svg')}>SVG</button>
          </div>`
        : nothing}
    </figure>`;
  }
}

defineElement('mme-qr-code', MmeQrCode);

declare global {
  interface HTMLElementTagNameMap {
    'mme-qr-code': MmeQrCode;
  }
}
