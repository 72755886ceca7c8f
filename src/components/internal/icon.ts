import { ICON_PATHS } from '../../qr/logo.js';
import { svg } from './dom.js';

/** The Messenger icon: the bubble takes the text colour, the bolt the button's background. */
export const messengerIcon = (): SVGSVGElement =>
  svg(
    'svg',
    { part: 'icon', class: 'icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', focusable: 'false' },
    svg('path', { class: 'bubble', d: ICON_PATHS.bubble }),
    svg('path', { class: 'bolt', d: ICON_PATHS.bolt }),
  );
