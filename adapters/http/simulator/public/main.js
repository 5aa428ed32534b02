// Entry point: the lead's phone on the left, the advisor's panel on the right; both follow live events.

import { mountAdvisor } from './advisor.js';
import { mountPhone } from './phone.js';

mountPhone(document.querySelector('[data-testid="phone-half"]'));
mountAdvisor(document.querySelector('[data-testid="advisor-half"]'));
