import { MmeChatButton, MmeQrCode } from '../src/components/index.js';
import { EmailError, emailButton } from '../src/email/index.js';
import { type LinkOptions, type Problem, checkLink, expandRefDetailed, messengerLink, normalizePage } from '../src/link/index.js';
import { buttonAttributes, scriptBase, snippets } from './snippets.js';

/** The configurator's state: every form field, kept in the page's URL so it can be shared. */
type State = Record<string, string>;

const form = document.querySelector<HTMLFormElement>('#form')!;
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
/** The fields that show their problems beside them. */
const FIELDS = ['page', 'ref', 'staticRef', 'text', 'topic', 'cadence', 'accent', 'onAccent', 'delay', 'host'];
const PAGE_HINT = $('#page-hint').innerHTML;

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
$('#inline-preview').append(inline);
$('#qr-preview').append(qr);
const outputs: Record<string, string> = {};

/** The options of a link with `ref`, for the kind of link the form makes. */
const linkOptions = (state: State, ref: string): LinkOptions =>
  (state.kind === 'optin' ? { page: state.page, topic: state.topic, cadence: state.cadence || undefined, ref } : { page: state.page, ref, text: state.text }) as LinkOptions;

function update(): void {
  const state = readForm();
  form.classList.toggle('is-optin', state.kind === 'optin');
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
  // Problems of the website's ref show under its field; the rest of the link's once, below.
  problems.push(...checkLink(websiteOptions).filter((p) => templateOk || p.field !== 'ref'));
  const staticOptions = linkOptions(state, state.staticRef.trim());
  problems.push(...checkLink(staticOptions).filter((p) => p.field === 'ref').map((p) => ({ ...p, field: 'staticRef', message: p.message.replace(/^ref/, 'this name') })));

  let page = '';
  try {
    page = normalizePage(state.page);
  } catch {}
  // A Page's display name ("Rosa's Bakery") is not its username: say where to find that.
  const displayName = !page && /[\s']/.test(state.page.trim());
  $('#page-hint').innerHTML = page && page !== state.page.trim() ? `Page username: <strong>${page}</strong>` : PAGE_HINT;
  if (displayName) $('#page-hint').textContent = "That looks like your Page's name. Links need its username: open your Page on Facebook and copy the address from the address bar (facebook.com/username), or find it under About → Page transparency.";

  const delay = Number(state.delay);
  if (state.greeting && !(state.delay.trim() !== '' && delay >= 0)) {
    problems.push({ code: 'greeting-delay-invalid', field: 'delay', severity: 'error', message: 'the greeting delay must be a number of seconds, 0 or more' });
  }
  const host = scriptBase(state.host);
  if (!host) problems.push({ code: 'host-invalid', field: 'host', severity: 'error', message: 'give a folder of your site, such as /mme-kit/, or a full https:// address' });

  let link = '';
  let websiteLink = '';
  let email: { html: string; text: string } | null = null;
  if (!problems.some((p) => p.severity === 'error')) {
    link = messengerLink(staticOptions);
    websiteLink = messengerLink(websiteOptions);
    try {
      email = emailButton({ ...staticOptions, label: state.label || undefined, color: state.accent, textColor: state.onAccent });
    } catch (error) {
      if (!(error instanceof EmailError)) throw error;
      const message = error.code === 'email-low-contrast' ? `${error.message.replace(/^the label's/, "the text colour's")}: pick a darker button colour or a darker text colour` : error.message;
      problems.push({ code: error.code, field: 'accent', severity: 'error', message });
    }
  }
  showProblems(problems);
  const valid = !!link && !!email;
  const why = 'Fix what the form points out to see this.';

  // The website preview shows the ref as the sample page would send it; the QR code, the fixed one.
  const { link: linkAttributes, look, behaviour } = buttonAttributes(state, page, websiteRef);
  setAttributes(inline, { ...linkAttributes, ...look, handoff: behaviour.handoff });
  unavailable('inline', websiteLink ? '' : why);
  setAttributes(qr, { value: link || undefined, logo: state.logo ? '' : undefined, caption: 'Scan to chat', download: '' });
  unavailable('qr', link ? '' : why);

  const frame = $<HTMLIFrameElement>('#site-preview');
  const frameQuery = new URLSearchParams(Object.entries({ ...linkAttributes, ...look, ...behaviour, 'greeting-delay': state.greeting ? '1' : undefined, position: state.position === 'inline' ? 'bottom-right' : state.position }).filter(([, v]) => v) as [string, string][]);
  const frameUrl = `./frame.html?${frameQuery}`;
  if (valid && frame.getAttribute('src') !== frameUrl) frame.setAttribute('src', frameUrl);

  Object.assign(outputs, valid ? snippets({ link, state, page, host: host!, email: email! }) : { link: '', script: '', element: '', email: '', emailText: '' });
  for (const [name, text] of Object.entries(outputs)) $(`#out-${name}`).textContent = text || why;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) button.disabled = !valid;
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
form.addEventListener('input', update);
form.addEventListener('change', update);
update();
