import type { Strings } from '../index.js';

/** Korean. */
export default {
  chat: '메시지 보내기',
  optin: 'Messenger에서 소식 받기',
  instagram: 'Instagram으로 메시지 보내기',
  popoverTitle: '휴대폰으로 스캔하세요',
  openHere: '이 컴퓨터에서 Messenger 열기',
  close: '닫기',
  dismiss: '숨기기',
  away: '지금은 부재 중입니다. {time}부터 답변드립니다.',
  awayNoNext: '지금은 부재 중입니다.',
  qrLabel: 'QR 코드: 휴대폰에서 {app}을(를) 열어 {name}에게 메시지 보내기',
  qrCode: 'QR 코드: {app}에서 {name}에게 메시지 보내기',
  qrOptin: 'QR 코드: Messenger에서 {name}의 소식 받기',
  download: '{format} 다운로드',
} satisfies Strings;
