import { MmeChatButton } from '../src/components/index.js';

// The configurator sends the button's attributes in the query; the sample page shows it floating.
const button = new MmeChatButton();
for (const [name, value] of new URLSearchParams(location.search)) button.setAttribute(name, value);
button.setAttribute('target', '_blank');
document.body.append(button);
