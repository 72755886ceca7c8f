// The dashboard page's script: the element, and for a static report the figures it carries.
import { defineElement } from '../../components/internal/define.js';
import type { Views } from '../views.js';
import { MmeDashboard } from './dashboard.js';

defineElement('mme-dashboard', MmeDashboard);
const element = document.querySelector('mme-dashboard');
const data = document.getElementById('mme-views');
if (element && data?.textContent) element.views = JSON.parse(data.textContent) as Views;
