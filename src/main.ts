/** GitHub Action entry point (action.yml `runs.main: dist/action/index.js`). */
import { run } from './action/run.js';

void run();
