import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { parseLink } from '../../link/index.js';
import {
  ICON_BLUE,
  ICON_PATHS,
  type ErrorCorrection,
  type PreparedQr,
  QrError,
  type Rgb,
  colorWarnings,
  encodeQr,
  logoBox,
  logoTransform,
  modulesPath,
  parseColor,
  svgDocument,
  toHex,
  wholeNumber,
} from '../../qr/index.js';
import { defineElement } from '../internal/define.js';
import { html, setAttributes, svg } from '../internal/dom.js';
import { LinkElement, type Problem, type ResolvedLink } from '../internal/link-element.js';
import { styles } from './qr-code.styles.js';

/**
 * A QR code of an m.me link, drawn as crisp SVG, that phone cameras open in Messenger.
 *
 * @tagname mme-qr-code
 * @summary A scannable QR code of a Messenger chat or opt-in link.
 * @fires mme-invalid - The attributes cannot make a valid code; `detail.problems` says why.
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
  static override properties: PropertyDeclarations = {
    value: {},
    label: {},
    size: { type: Number },
    margin: { type: Number },
    errorCorrection: { attribute: 'error-correction' },
    logo: { type: Boolean, reflect: true },
    caption: {},
    download: { type: Boolean, reflect: true },
  };

  /** Any m.me link to encode, instead of the link attributes. */
  value?: string;
  /** Accessible name. Default: "QR code: message PAGE on Messenger". */
  label?: string;
  /** Width and height in CSS pixels; the code snaps to whole device pixels per module. */
  size = 200;
  /** Quiet zone around the code, in modules. 4 is the QR standard's minimum. */
  margin = 4;
  /** The highest error-correction level, L, M, Q or H; steps down when the link does not fit. */
  errorCorrection = 'M';
  /** The Messenger icon in the centre, with error correction raised to H when that fits. */
  logo = false;
  /** Visible text under the code. */
  caption?: string;
  /** Shows PNG and SVG download buttons. */
  download = false;

  private qr: PreparedQr | null = null;
  private encoded?: { key: string; qr: PreparedQr };

  protected override resolveLink(problems: Problem[]): ResolvedLink | null {
    if (this.value == null) return super.resolveLink(problems);
    const parsed = parseLink(this.value);
    return { href: this.value.trim(), page: parsed.page, ref: parsed.ref ?? '', kind: parsed.kind };
  }

  protected override checkOwn(link: ResolvedLink, problems: Problem[]): void {
    this.qr = null;
    wholeNumber(this.size, 'size', 'qr-size-invalid', 16, 4096);
    const options = { margin: this.margin, errorCorrection: String(this.errorCorrection).toUpperCase() as ErrorCorrection, logo: this.logo };
    // The link is already checked: resolveLink built it, or parsed the value. A change that
    // leaves the link and these options alone (caption, size, label) reuses the encoding.
    const key = JSON.stringify([link.href, options]);
    this.qr = this.encoded?.key === key ? this.encoded.qr : encodeQr(link.href, options);
    this.encoded = { key, qr: this.qr };
    // Colour warnings need the rendered CSS colours; they are added after rendering.
    problems.push(...this.qr.warnings.filter((w) => w.code !== 'qr-low-contrast'));
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
    let extra: Problem[];
    try {
      const { color, background } = this.colors();
      extra = colorWarnings(color, background);
    } catch (error) {
      const { code, field, message } = error as QrError;
      extra = [{ code, field, severity: 'warning', message }];
    }
    this.problems = [...this.problems.filter((p) => p.code !== 'qr-low-contrast' && p.code !== 'qr-color-invalid'), ...extra];
    this.report();
  }

  /** CSS pixels per side, snapped so each module is a whole number of device pixels. */
  private drawnSize(modules: number): number {
    const ratio = globalThis.devicePixelRatio || 1;
    return (Math.max(1, Math.floor((this.size * ratio) / modules)) * modules) / ratio;
  }

  private get accessibleName(): string {
    if (this.label) return this.label;
    const page = this.link?.page ?? '';
    return this.link?.kind === 'optin' ? `QR code: get updates from ${page} on Messenger` : `QR code: message ${page} on Messenger`;
  }

  /** The code on show, for the export methods. @throws {QrError} `qr-invalid` or `qr-not-ready`. */
  private requireCode(): PreparedQr {
    if (this.qr && this.link) return this.qr;
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
    const scale = wholeNumber(options.scale ?? Math.max(1, Math.round((2 * this.drawnSize(modules)) / modules)), 'scale', 'qr-scale-invalid', 1, 100);
    // The PNG encoder is loaded on the first call: most pages never ask for a PNG.
    const { encodePng } = await import('../../qr/png.js');
    const png = await encodePng(qr.matrix, { scale, margin: qr.margin, ...this.colors() });
    return new Blob([png as BlobPart], { type: 'image/png' });
  }

  private async save(kind: 'png' | 'svg'): Promise<void> {
    const blob = kind === 'png' ? await this.toPNG() : new Blob([this.toSVG()], { type: 'image/svg+xml' });
    const anchor = document.createElement('a');
    anchor.href = URL.createObjectURL(blob);
    anchor.download = `messenger-qr-${[this.link!.page, this.link!.ref].filter(Boolean).join('-').replace(/[^\w-]+/g, '-')}.${kind}`;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(anchor.href), 10_000);
  }

  private drawn?: { figure: HTMLElement; code: SVGSVGElement; background: SVGRectElement; modules: SVGPathElement };
  /** The encoding the drawn path and logo show; a new one redraws them. */
  private drawnQr?: PreparedQr;
  private logoNode?: SVGGElement;
  private captionNode?: HTMLElement;
  private downloads?: HTMLElement;

  /** Draws the code: its nodes are made once, then each update sets their attributes and text. */
  protected override update(changed: PropertyValues): void {
    super.update(changed);
    if (!this.qr || !this.link) {
      this.drawn?.figure.remove();
      return;
    }
    if (!this.drawn) {
      const background = svg('rect', { class: 'background' });
      const modules = svg('path', { class: 'modules' });
      const code = svg('svg', { part: 'code', role: 'img', 'shape-rendering': 'crispEdges' }, background, modules);
      this.drawn = { figure: html('figure', { part: 'base', class: 'base' }, code), code, background, modules };
    }
    const { figure, code, background, modules } = this.drawn;
    if (!figure.isConnected) this.renderRoot.append(figure);
    const { matrix, margin } = this.qr;
    const side = matrix.size + 2 * margin;
    const pixels = this.drawnSize(side);
    setAttributes(code, { 'aria-label': this.accessibleName, viewBox: `0 0 ${side} ${side}`, width: pixels, height: pixels });
    if (this.qr !== this.drawnQr) {
      this.drawnQr = this.qr;
      setAttributes(background, { width: side, height: side });
      setAttributes(modules, { d: modulesPath(matrix, margin) });
      this.logoNode?.remove();
      const box = logoBox(matrix, margin);
      this.logoNode = box
        ? svg(
            'g',
            { transform: logoTransform(box), 'shape-rendering': 'geometricPrecision' },
            svg('path', { d: ICON_PATHS.bubble, fill: ICON_BLUE }),
            svg('path', { d: ICON_PATHS.bolt, fill: '#fff' }),
          )
        : undefined;
      if (this.logoNode) code.append(this.logoNode);
    }
    this.drawCaption(code);
    this.drawDownloads(figure);
  }

  /** The caption goes right after the code, above any download buttons. */
  private drawCaption(code: SVGSVGElement): void {
    if (!this.caption) {
      this.captionNode?.remove();
      return;
    }
    this.captionNode ??= html('figcaption', { part: 'caption', class: 'caption' });
    this.captionNode.textContent = this.caption;
    if (!this.captionNode.isConnected) code.after(this.captionNode);
  }

  private drawDownloads(figure: HTMLElement): void {
    if (!this.download) {
      this.downloads?.remove();
      return;
    }
    this.downloads ??= html(
      'div',
      { part: 'downloads', class: 'downloads' },
      html('button', { type: 'button', 'aria-label': 'Download PNG', onclick: () => this.save('png') }, 'PNG'),
      html('button', { type: 'button', 'aria-label': 'Download SVG', onclick: () => this.save('svg') }, 'SVG'),
    );
    if (!this.downloads.isConnected) figure.append(this.downloads);
  }
}

defineElement('mme-qr-code', MmeQrCode);

declare global {
  interface HTMLElementTagNameMap {
    'mme-qr-code': MmeQrCode;
  }
}
