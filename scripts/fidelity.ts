/** Writes docs/FIDELITY.md from the plan tables (npm run fidelity); __tests__/fidelity checks it is current. */
import { writeFileSync } from 'node:fs';
import { renderFidelity } from '../src/plan/fidelity.js';

writeFileSync(new URL('../docs/FIDELITY.md', import.meta.url), renderFidelity());
console.log('wrote docs/FIDELITY.md');
