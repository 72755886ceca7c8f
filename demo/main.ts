import { MmeChatButton, MmeQrCode } from '../src/components/index.js';
import { EmailError, emailButton } from '../src/email/index.js';
import { type LinkOptions, type Problem, checkLink, expandRefDetailed, messengerLink, normalizePage } from '../src/link/index.js';
import { buttonAttributes, snippets } from './snippets.js';

/** The configurator's state: every form field, kept in the page's URL so it can be shared. */
type State = Record<string, string>;

const form = document.querySelector<HTMLFormElement>('#form')!;
const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const FIELDS = ['page', 'ref', 'text', 'topic', 'cadence', 'accent'];
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

function showProblems(problems: readonly { field: string; severity: string; message: string }[]): void {
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

const inline = new MmeChatButton();
const qr = new MmeQrCode();
$('#inline-preview').append(inline);
$('#qr-preview').append(qr);
const outputs: Record<string, string> = {};

function update(): void {
  const state = readForm();
  const optin = state.kind === 'optin';
  form.classList.toggle('is-optin', optin);
  const problems: Problem[] = [];

  let ref = state.ref;
  $('#ref-preview').textContent = '';
  try {
    const expanded = expandRefDetailed(state.ref, sampleContext(state.sample));
    ref = expanded.ref;
    problems.push(...expanded.problems);
    if (ref !== state.ref) $('#ref-preview').textContent = ref ? `This page would send: ${ref}` : 'This page would send no ref.';
  } catch (error) {
    problems.push(...(error as { problems: Problem[] }).problems);
  }
  const options = (optin ? { page: state.page, topic: state.topic, cadence: state.cadence || undefined, ref } : { page: state.page, ref, text: state.text }) as LinkOptions;
  problems.push(...checkLink(options));

  let page = '';
  try {
    page = normalizePage(state.page);
  } catch {}
  $('#page-hint').textContent = page && page !== state.page.trim() ? `Page name: ${page}` : "Username, @username, numeric ID, or the Page's facebook.com address.";

  let link = '';
  let email: { html: string; text: string } | null = null;
  if (!problems.some((p) => p.severity === 'error')) {
    link = messengerLink(options);
    try {
      email = emailButton({ ...options, label: state.label || undefined, color: state.accent });
    } catch (error) {
      if (!(error instanceof EmailError)) throw error;
      problems.push({ code: error.code, field: 'accent', severity: 'error', message: error.message });
    }
  }
  showProblems(problems);
  const valid = !!link && !!email;

  // The previews show the ref as the sample page would send it.
  const { link: linkAttributes, look, behaviour } = buttonAttributes(state, page, ref);
  setAttributes(inline, { ...linkAttributes, ...look, handoff: behaviour.handoff });
  inline.style.setProperty('--mme-accent', state.accent);
  setAttributes(qr, { value: link || undefined, logo: state.logo ? '' : undefined, caption: 'Scan to chat', download: '' });
  qr.hidden = !link;

  const frame = $<HTMLIFrameElement>('#site-preview');
  const frameQuery = new URLSearchParams(Object.entries({ ...linkAttributes, ...look, ...behaviour, 'greeting-delay': state.greeting ? '1' : undefined, position: state.position === 'inline' ? 'bottom-right' : state.position }).filter(([, v]) => v) as [string, string][]);
  const frameUrl = `./frame.html?${frameQuery}`;
  if (valid && frame.getAttribute('src') !== frameUrl) frame.setAttribute('src', frameUrl);

  Object.assign(outputs, valid ? snippets({ link, state, page, ref: state.ref, email: email! }) : { link: '', script: '', element: '', email: '', emailText: '' });
  for (const [name, text] of Object.entries(outputs)) $(`#out-${name}`).textContent = text || 'Fix the errors in the form to get this.';
  for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) button.disabled = !valid;
  $<HTMLIFrameElement>('#email-preview').srcdoc = email ? `<!doctype html><html lang="en"><body style="margin:16px;font-family:Arial,sans-serif">${email.html}</body></html>` : '';

  const query = new URLSearchParams(Object.entries(state).filter(([key, value]) => value !== DEFAULTS[key]));
  history.replaceState(null, '', query.size ? `?${query}` : location.pathname);
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button.copy');
  if (!button) return;
  const name = button.dataset.copy!;
  const status = $('#copy-status');
  try {
    await navigator.clipboard.writeText(outputs[name]);
    status.textContent = `Copied: ${button.closest('.output')!.querySelector('h3')!.textContent}`;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  } catch {
    status.textContent = 'Your browser did not allow copying: select the text and copy it.';
  }
});

writeForm(Object.fromEntries(new URLSearchParams(location.search)));
form.addEventListener('input', update);
form.addEventListener('change', update);
update();
