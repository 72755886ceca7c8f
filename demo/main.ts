import { checkLink, expandRefDetailed, messengerLink, normalizePage, type LinkOptions, type LinkProblem } from '../src/link/index.js';

const form = document.querySelector<HTMLFormElement>('#form')!;
const output = document.querySelector<HTMLOutputElement>('#link')!;
const open = document.querySelector<HTMLAnchorElement>('#open')!;
const fields = ['page', 'ref', 'text', 'topic', 'cadence'];

/** The ref a visitor of this example page would send: templates expand against a sample page. */
const samplePage = { path: '/shoes/red sale/', host: 'shop.example.com', title: 'Red shoes', lang: 'en', query: { utm_source: 'newsletter' }, hash: '' };

function update(): void {
  const values = Object.fromEntries(fields.map((name) => [name, String(new FormData(form).get(name) ?? '').trim()]));
  const problems: LinkProblem[] = [];
  let ref = values.ref;
  try {
    const expanded = expandRefDetailed(values.ref, samplePage);
    ref = expanded.ref;
    problems.push(...expanded.problems);
    document.querySelector('#ref-hint')!.textContent = ref ? `On ${samplePage.path} this sends: ${ref}` : '';
  } catch (error) {
    problems.push(...((error as { problems?: LinkProblem[] }).problems ?? []));
    document.querySelector('#ref-hint')!.textContent = '';
  }
  const options = { page: values.page, ref, text: values.text, topic: values.topic || undefined, cadence: values.cadence };
  problems.push(...checkLink(options));
  let page = '';
  try {
    page = normalizePage(values.page);
  } catch {}
  document.querySelector('#page-hint')!.textContent = page && page !== values.page ? `Page name: ${page}` : '';
  for (const name of fields) {
    const list = document.querySelector(`#${name}-problems`)!;
    list.replaceChildren(...problems.filter((p) => p.field === name).map((p) => {
      const item = document.createElement('li');
      item.className = p.severity;
      item.textContent = `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`;
      return item;
    }));
    document.querySelector(`#${name}`)!.setAttribute('aria-invalid', String(problems.some((p) => p.field === name && p.severity === 'error')));
  }
  const valid = !problems.some((p) => p.severity === 'error');
  const link = valid ? messengerLink(options as unknown as LinkOptions) : '';
  output.value = link || 'Fix the errors above to get a link.';
  if (link) open.href = link;
  else open.removeAttribute('href');
  open.setAttribute('aria-disabled', String(!link));
}

form.addEventListener('input', update);
update();
