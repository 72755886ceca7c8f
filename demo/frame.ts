import { MmeChatButton } from '../src/components/index.js';

// The configurator sends the button's attributes in the query; the sample page shows it floating.
const button = new MmeChatButton();
for (const [name, value] of new URLSearchParams(location.search)) {
  // The language to preview is the sample page's own, as a visitor's page would say.
  if (name === 'lang') document.documentElement.lang = value;
  else button.setAttribute(name, value);
}
button.setAttribute('target', '_blank');
document.body.append(button);
