export { MmeChatButton } from './chat-button/chat-button.js';
export { MmeQrCode } from './qr-code/qr-code.js';
export { MmeClickEvent, MmeGreetingDismissEvent, MmeGreetingShowEvent, MmeInvalidEvent } from './internal/events.js';
export type { ClickDetail } from './internal/events.js';
export type { Problem } from './internal/link-element.js';
