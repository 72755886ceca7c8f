import { svg } from 'lit';
import { ICON_PATHS, INSTAGRAM_PATHS } from '../../qr/index.js';

/** The Messenger icon: the bubble takes the text colour, the bolt the button's background. */
export const messengerIcon = svg`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path class="bubble" d=${ICON_PATHS.bubble}></path><path class="bolt" d=${ICON_PATHS.bolt}></path></svg>`;

/** Instagram's glyph (the camera: frame, lens and flash) in the text colour. */
export const instagramIcon = svg`<svg part="icon" class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${INSTAGRAM_PATHS.glyph} fill="currentColor" fill-rule="evenodd"></path></svg>`;

/** The icon of the app a link opens. */
export const iconOf = (link: { readonly channel: 'messenger' | 'instagram' }) => (link.channel === 'instagram' ? instagramIcon : messengerIcon);
