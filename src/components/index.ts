export { MmeChatButton } from './chat-button/chat-button.js';
export { MmeQrCode } from './qr-code/qr-code.js';
export { MmeClickEvent, MmeInvalidEvent } from './internal/events.js';
export { MmeGreetingDismissEvent, MmeGreetingShowEvent } from './internal/greeting-events.js';
export type { ClickDetail } from './internal/events.js';
export type { AttributeProblemCode, ElementProblem, ElementProblemCode } from './internal/link-element.js';
export { LinkError, type LinkProblemCode, type Problem } from '../link/index.js';
export { QrError, type QrProblemCode } from '../qr/index.js';
