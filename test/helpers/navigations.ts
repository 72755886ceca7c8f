import { resetMouse } from '@web/test-runner-commands';

/** A click on an m.me or ig.me link during a test, and whether the page would have followed it. */
export interface Navigation {
  readonly href: string;
  readonly followed: boolean;
}

/**
 * For a describe block: keeps the test page from following m.me and ig.me links, recording each
 * click on one (reset before each test, with the mouse after it).
 */
export function recordNavigations(): Navigation[] {
  const clicks: Navigation[] = [];
  const stop = (event: MouseEvent) => {
    const anchor = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && /^https:\/\/(m|ig)\.me\//.test(node.href));
    if (!anchor) return;
    clicks.push({ href: anchor.href, followed: !event.defaultPrevented });
    event.preventDefault();
  };
  before(() => window.addEventListener('click', stop));
  after(() => window.removeEventListener('click', stop));
  beforeEach(() => {
    clicks.length = 0;
  });
  afterEach(() => resetMouse());
  return clicks;
}

/** Whether each recorded click would have navigated. */
export const followed = (clicks: readonly Navigation[]): boolean[] => clicks.map((click) => click.followed);
/** The links the page would have opened. */
export const opened = (clicks: readonly Navigation[]): string[] => clicks.filter((click) => click.followed).map((click) => click.href);

/** The middle of an element on screen, in whole CSS pixels, where a test's mouse clicks it. */
export const centre = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
};
