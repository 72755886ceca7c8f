// What the rest of the kit uses of the QR code: the encoder, the SVG and PNG writers, colours,
// and the markup escaper. Outside the kit, `qrSvg`, `qrPng` and `QrError` are public through
// mme-kit/email and mme-kit.
export { contrast, luminance, parseColor, parseHexColor, toHex, type Rgb } from './color.js';
export { QrError, type QrProblemCode } from './errors.js';
export { ICON_BLUE, ICON_PATHS, ICON_VIEWBOX, INSTAGRAM_PATHS, INSTAGRAM_PINK } from './logo.js';
export { escapeMarkup } from './markup.js';
export { BYTE_CAPACITY, type ErrorCorrection, LEVELS, type QrMatrix, qrMatrix } from './matrix.js';
export { pngBytes, qrPng, qrSvg, type QrPngOptions, type QrSvgOptions } from './outputs.js';
export { colorWarnings, encodeQr, prepareQr, type PreparedQr, type QrOptions, wholeNumber, withScheme } from './prepare.js';
export { logoBox, logoMarkup, logoTransform, modulesPath, overLogoPaths, svgDocument } from './svg.js';
