import { MmeChatButton, MmeQrCode } from '../src/components/index.js';
import { EmailError, emailButton, emailQr } from '../src/email/index.js';
import { LinkError, type LinkOptions, type Problem, checkLink, expandRefDetailed, instagramLink, messengerLink, normalizePage, parseLink } from '../src/link/index.js';
import { buttonHours, visitorTime } from '../src/hours/index.js';
import { EN, LOCALES, fill } from '../src/labels/index.js';
import { beaconAddress, buttonAttributes, fixedWebsiteRef, scriptBase, snippets } from './snippets.js';

/** The configurator's state: every form field, kept in the page's URL so it can be shared. */
type State = Record<string, string>;

const form = document.querySelector<HTMLFormElement>('#form')!;
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
/** The fields that show their problems beside them. */
const FIELDS = ['page', 'instagram', 'ref', 'staticRef', 'text', 'topic', 'cadence', 'accent', 'onAccent', 'delay', 'greetingName', 'greetingAvatar', 'hours', 'closedOn', 'host', 'beacon', 'qrImage'];

// The time zones this browser knows, the owner's own chosen; the languages with built-in words.
const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zones = Intl.supportedValuesOf('timeZone');
// The browser's own zone may be one the list leaves out, such as UTC.
$<HTMLSelectElement>('#timezone').append(...[...(zones.includes(ownZone) ? [] : [ownZone]), ...zones].map((zone) => new Option(zone.replace(/_/g, ' '), zone, zone === ownZone, zone === ownZone)));
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
$<HTMLSelectElement>('#previewLang').append(new Option("The visitor's page language", ''), ...['en', ...Object.keys(LOCALES)].map((lang) => new Option(languageNames.of(lang) ?? lang, lang)));
const PAGE_HINT = $('#page-hint').innerHTML;
const INSTAGRAM_HINT = $('#instagram-hint').innerHTML;

function readForm(): State {
  const state: State = Object.fromEntries(new FormData(form) as unknown as Iterable<[string, string]>);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) state[box.name] = box.checked ? box.value : '';
  return state;
}

/** The form as the page first shows it: what the URL leaves out. */
const DEFAULTS = readForm();

function writeForm(state: State): void {
  for (const [name, value] of Object.entries(state)) {
    for (const input of form.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(name)}"]`)) {
      if (input.type === 'radio') input.checked = input.value === value;
      else if (input.type === 'checkbox') input.checked = value === input.value;
      else input.value = value;
    }
  }
}

/** Where the sample page lives, for ref templates: the path, query and hash of the sample field. */
function sampleContext(sample: string) {
  const url = new URL(sample || '/', 'https://shop.example.com');
  return { path: url.pathname, host: url.host, title: 'Red sale', lang: 'en', query: Object.fromEntries(url.searchParams), hash: url.hash.slice(1) };
}

function showProblems(problems: readonly Problem[]): void {
  for (const field of FIELDS) {
    const list = $(`#${field}-problems`);
    const own = problems.filter((p) => p.field === field);
    list.replaceChildren(...own.map((p) => {
      const item = document.createElement('li');
      item.className = p.severity;
      item.textContent = `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`;
      return item;
    }));
    $(`#${field}`).setAttribute('aria-invalid', String(own.some((p) => p.severity === 'error')));
  }
}

function setAttributes(element: Element, attributes: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}

/** Shows `message` in a preview's place, or the preview itself when there is none. */
function unavailable(name: 'inline' | 'qr', message: string): void {
  $(`#${name}-preview`).hidden = !!message;
  $(`#${name}-unavailable`).hidden = !message;
  $(`#${name}-unavailable`).textContent = message;
}

const inline = new MmeChatButton();
const qr = new MmeQrCode();
const qrInstagram = new MmeQrCode();
$('#inline-preview').append(inline);
$('#qr-preview').append(qr);
const outputs: Record<string, string> = {};

/**
 * The links the form makes, each with `ref`: Messenger's when a Page is given (or nothing else
 * is), Instagram's when an account is. A Messenger link has the kind the form asks for.
 */
function linkOptions(state: State, ref: string): LinkOptions[] {
  const options: LinkOptions[] = [];
  if (state.page.trim() || !state.instagram.trim()) {
    options.push((state.kind === 'optin' ? { page: state.page, topic: state.topic, cadence: state.cadence || undefined, ref } : { page: state.page, ref, text: state.text }) as LinkOptions);
  }
  if (state.instagram.trim()) options.push({ username: state.instagram, ref });
  return options;
}

/** Fields that only the script tag and the element carry (not the link, the QR code or the email). */
const PAGE_ONLY = ['host', 'beacon', 'greetingAvatar', 'delay', 'hours', 'timezone', 'closedOn'];
/** Fields that only the email carries. */
const EMAIL_ONLY = ['accent', 'onAccent', 'qrImage'];
/** Fields the inline preview does not show: it has no script tag, no greeting, no printed code. */
const NOT_PREVIEWED = [...EMAIL_ONLY, 'staticRef', 'host', 'beacon', 'greetingAvatar', 'delay'];
/** The space between two email buttons: a table row, since clients drop margins. */
const EMAIL_GAP = '<table role="presentation" border="0" cellpadding="0" cellspacing="0"><tr><td height="12" style="height:12px;line-height:12px;font-size:12px">&nbsp;</td></tr></table>';

/** A link's problems, each under the form's field: an Instagram username's under the Instagram field. */
const check = (options: LinkOptions[]) => options.flatMap((o) => checkLink(o)).map((p) => (p.field === 'username' ? { ...p, field: 'instagram' } : p));

function update(): void {
  const state = readForm();
  const instagramOnly = !!state.instagram.trim() && !state.page.trim();
  form.classList.toggle('is-optin', state.kind === 'optin' && !instagramOnly);
  form.classList.toggle('is-instagram-only', instagramOnly);
  const problems: Problem[] = [];

  // The website's ref is a template, expanded here for the sample page. A template that cannot
  // expand says so once: its raw braces are not also checked as a ref.
  let websiteRef = '';
  let templateOk = true;
  $('#ref-preview').textContent = '';
  try {
    const expanded = expandRefDetailed(state.ref, sampleContext(state.sample));
    websiteRef = expanded.ref;
    problems.push(...expanded.problems);
    if (websiteRef !== state.ref) $('#ref-preview').textContent = `On ${state.sample || '/'} it would be: ${websiteRef || '(none)'}`;
  } catch (error) {
    templateOk = false;
    problems.push(...(error as { problems: Problem[] }).problems);
  }
  const websiteOptions = linkOptions(state, websiteRef);
  // Problems of the website's ref show under its field; the rest of the links' once, below. The
  // ref's own problems are the same for every channel: each shows once.
  const once = (list: Problem[]) => list.filter((p, i) => list.findIndex((q) => q.code === p.code && q.message === p.message) === i);
  problems.push(...once(check(websiteOptions).filter((p) => templateOk || p.field !== 'ref')));
  const staticOptions = linkOptions(state, state.staticRef.trim());
  problems.push(...once(check(staticOptions).filter((p) => p.field === 'ref').map((p) => ({ ...p, field: 'staticRef', message: p.message.replace(/^ref/, 'this name') }))));

  let page = '';
  try {
    page = normalizePage(state.page);
  } catch {}
  // A Page's display name ("Rosa's Bakery") is not its username: say where to find that.
  const displayName = !page && /[\s']/.test(state.page.trim());
  $('#page-hint').innerHTML = page && page !== state.page.trim() ? `Page username: <strong>${page}</strong>` : PAGE_HINT;
  if (displayName) $('#page-hint').textContent = "That looks like your Page's name. Links need its username: open your Page on Facebook and copy the address from the address bar (facebook.com/username), or find it under About → Page transparency.";

  // The snippets carry the bare username, as they carry the Page's.
  let instagram = '';
  try {
    if (state.instagram.trim()) instagram = (parseLink(instagramLink({ username: state.instagram })) as { username: string }).username;
  } catch (error) {
    if (!(error instanceof LinkError)) throw error;
  }
  $('#instagram-hint').innerHTML = instagram && instagram !== state.instagram.trim() ? `Instagram username: <strong>${instagram}</strong>` : INSTAGRAM_HINT;
  const named = { ...state, instagram: instagram || state.instagram };
  const channels = [...(!instagramOnly ? ['Messenger'] : []), ...(state.instagram.trim() ? ['Instagram'] : [])];
  $('#logo-label').textContent = `${channels.join(' and ')} icon${channels.length > 1 ? 's' : ''} in the QR code${channels.length > 1 ? 's' : ''}`;

  // Opening hours, read for the moment the owner picks (now when none is picked).
  const moment = state.moment ? new Date(state.moment).getTime() : Date.now();
  $('#hours-status').textContent = '';
  // Dates the shop is closed on only mean something beside opening hours.
  if (state.closedOn.trim() && !state.hours.trim()) {
    problems.push({ code: 'closed-on-without-hours', field: 'closedOn', severity: 'warning', message: 'closed dates need opening hours: fill in the hours above, or the button ignores these dates' });
  }
  if (state.hours.trim()) {
    const read = buttonHours({ hours: state.hours, timezone: state.timezone, closedOn: state.closedOn }, moment);
    problems.push(...read.problems.map((p) => ({ ...p, field: p.field === 'closed-on' ? 'closedOn' : p.field })));
    if (!read.problems.length) {
      const note = read.opensAt == null ? EN.awayNoNext : fill(EN.away, { time: visitorTime(read.opensAt, 'en') });
      $('#hours-status').textContent = read.away
        ? `Away at that moment: ${state.whenAway === 'hide' ? 'the button is hidden' : `the button says "${note}"`}.`
        : 'Open at that moment: the button shows as usual.';
    }
  }
  if (state.greetingAvatar.trim() && !/^(https:\/\/[^\s"'<>]+|\/[^\s"'<>]*)$/.test(state.greetingAvatar.trim())) {
    problems.push({ code: 'greeting-avatar-invalid', field: 'greetingAvatar', severity: 'error', message: 'the picture must be an https:// address, or a path on your site such as /images/rosa.jpg' });
  }

  const delay = Number(state.delay);
  if (state.greeting && !(state.delay.trim() !== '' && delay >= 0)) {
    problems.push({ code: 'greeting-delay-invalid', field: 'delay', severity: 'error', message: 'the greeting delay must be a number of seconds, 0 or more' });
  }
  if (state.beacon.trim() && !beaconAddress(state.beacon)) {
    problems.push({ code: 'beacon-invalid', field: 'beacon', severity: 'error', message: "give your receiver's https:// address, such as https://chat.your-site.example/click" });
  }
  const host = scriptBase(state.host);
  if (!host) problems.push({ code: 'host-invalid', field: 'host', severity: 'error', message: 'give a folder of your site, such as /mme-kit/, or a full https:// address' });

  // Each output is blocked only by the fields it depends on: a wrong picture address or host
  // leaves the plain link, the QR code and the email as they are.
  const blocking = (ignored: readonly string[]) => problems.some((p) => p.severity === 'error' && !ignored.includes(p.field));
  let links: string[] = [];
  let websiteLink = '';
  let email: { html: string; text: string } | null = null;
  if (!blocking([...PAGE_ONLY, ...EMAIL_ONLY])) {
    links = staticOptions.map(messengerLink);
    try {
      // One email button per channel; Instagram's keeps its own colour unless the form sets one.
      const buttons = staticOptions.map((options) =>
        emailButton({ ...options, label: state.label || undefined, ...('username' in options && state.accent.toLowerCase() === '#0866ff' ? {} : { color: state.accent, textColor: state.onAccent }) }),
      );
      // Two buttons stand apart, with a row of space between them that every client keeps.
      email = { html: buttons.map((b) => b.html).join(`\n${EMAIL_GAP}\n`), text: buttons.map((b) => b.text).join('\n') };
    } catch (error) {
      if (!(error instanceof EmailError)) throw error;
      const message = error.code === 'email-low-contrast' ? `${error.message.replace(/^the label's/, "the text colour's")}: pick a darker button colour or a darker text colour` : error.message;
      problems.push({ code: error.code, field: 'accent', severity: 'error', message });
    }
  }
  // The email QR code: the image the owner uploaded, linked to the first channel's fixed link.
  let emailQrHtml = '';
  if (email && state.qrImage?.trim()) {
    try {
      emailQrHtml = emailQr({ ...staticOptions[0], imageUrl: state.qrImage.trim() }).html;
    } catch (error) {
      if (!(error instanceof EmailError)) throw error;
      problems.push({ code: error.code, field: 'qrImage', severity: 'error', message: 'give the https:// address of the PNG you uploaded (not an SVG, not a path on your computer)' });
    }
  }
  if (!blocking([...PAGE_ONLY, ...EMAIL_ONLY, 'staticRef'])) websiteLink = messengerLink(websiteOptions[0]);
  showProblems(problems);
  const link = links[0] ?? '';
  // The script tag and the element: the website's link and the page's own settings.
  const pageReady = !!websiteLink && !blocking([...EMAIL_ONLY, 'staticRef']);
  const why = 'Fix what the form points out to see this.';

  // The website preview shows the ref as the sample page would send it; the QR code, the fixed one.
  const { link: linkAttributes, look, behaviour } = buttonAttributes(named, page, websiteRef);
  // A preview gets only a link that is valid: an element given a broken one logs an error, at
  // every key press while the owner is still typing.
  if (websiteLink) setAttributes(inline, { ...linkAttributes, ...look, handoff: behaviour.handoff, hours: behaviour.hours, timezone: behaviour.timezone, 'closed-on': behaviour['closed-on'], 'when-away': behaviour['when-away'] });
  // The button reads its language when it joins the page: it joins again in the one to preview.
  if ((inline.getAttribute('lang') ?? '') !== state.previewLang) {
    setAttributes(inline, { lang: state.previewLang || undefined });
    inline.remove();
    $('#inline-preview').append(inline);
  }
  unavailable('inline', websiteLink && !blocking(NOT_PREVIEWED) ? '' : why);
  // A printed code holds one link: one code per channel.
  const instagramCode = links.find((l) => l.startsWith('https://ig.me/'));
  const messengerCode = links.find((l) => !l.startsWith('https://ig.me/'));
  if (messengerCode) setAttributes(qr, { value: messengerCode, logo: state.logo ? '' : undefined, caption: instagramCode ? 'Scan to chat on Messenger' : 'Scan to chat', download: '' });
  if (instagramCode) setAttributes(qrInstagram, { value: instagramCode, logo: state.logo ? '' : undefined, caption: messengerCode ? 'Scan to chat on Instagram' : 'Scan to chat', download: '' });
  // A code with no link would be an invalid element: only the channels in use are on the page.
  $('#qr-preview').replaceChildren(...(messengerCode || !instagramCode ? [qr] : []), ...(instagramCode ? [qrInstagram] : []));
  unavailable('qr', link ? '' : why);

  const frame = $<HTMLIFrameElement>('#site-preview');
  const frameQuery = new URLSearchParams(Object.entries({ ...linkAttributes, ...look, ...behaviour, 'greeting-delay': state.greeting ? '1' : undefined, position: state.position === 'inline' ? 'bottom-right' : state.position, lang: state.previewLang || undefined }).filter(([, v]) => v) as [string, string][]);
  const frameUrl = `./frame.html?${frameQuery}`;
  if (pageReady && frame.getAttribute('src') !== frameUrl) frame.setAttribute('src', frameUrl);

  // The element's no-JavaScript link carries the website's fixed ref, never the printed codes'.
  const handed = pageReady ? snippets({ websiteLink: messengerLink(linkOptions(state, fixedWebsiteRef(state.ref))[0]), state: named, page, host: host! }) : null;
  // Each channel's link has its own output, so that one copy is one link.
  const both = !!messengerCode && !!instagramCode;
  $('[data-output=instagramLink]').hidden = !both;
  $('[data-output=emailQr]').hidden = !state.qrImage?.trim();
  $('#link-title').textContent = both ? 'Messenger link' : 'Link';
  Object.assign(outputs, {
    link,
    instagramLink: (both && instagramCode) || '',
    script: handed?.script ?? '',
    element: handed?.element ?? '',
    email: email?.html ?? '',
    emailQr: emailQrHtml,
    emailText: email?.text.trimEnd() ?? '',
  });
  for (const [name, text] of Object.entries(outputs)) $(`#out-${name}`).textContent = text || why;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) button.disabled = !outputs[button.dataset.copy as keyof typeof outputs];
  // Tall enough for every button it shows.
  $<HTMLIFrameElement>('#email-preview').style.height = `${2.5 + 4 * (email ? links.length : 1)}rem`;
  $<HTMLIFrameElement>('#email-preview').srcdoc = email ? `<!doctype html><html lang="en"><body style="margin:16px;font-family:Arial,sans-serif">${email.html}</body></html>` : '';

  const query = new URLSearchParams(Object.entries(state).filter(([key, value]) => value !== DEFAULTS[key]));
  history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button.copy');
  if (!button) return;
  const name = button.dataset.copy!;
  // The confirmation shows beside the button that was pressed.
  const status = $(`#${name}-status`);
  try {
    await navigator.clipboard.writeText(outputs[name]);
    // The button itself says so; its status line tells screen readers.
    status.className = 'copied visually-hidden';
    status.textContent = 'Copied';
    button.textContent = 'Copied';
    setTimeout(() => {
      button.textContent = 'Copy';
      status.textContent = '';
    }, 2000);
  } catch {
    status.className = 'copied';
    status.textContent = 'Your browser did not allow copying: select the text and copy it.';
  }
});

writeForm(Object.fromEntries(new URLSearchParams(location.search)));
// An opt-in restored from the URL shows the choice that made it.
$<HTMLDetailsElement>('#kind-details').open = readForm().kind === 'optin';
form.addEventListener('input', update);
form.addEventListener('change', update);
update();
