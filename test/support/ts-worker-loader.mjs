// Lets worker threads started from TypeScript sources (the app under vitest) load .ts modules:
// vitest transforms the modules of its own thread only. Passed to every test process by vitest.config.ts
// (execArgv), which worker threads inherit; the built app (dist/) never needs it.
import { register } from 'node:module';

register('./ts-worker-loader-hooks.mjs', import.meta.url);
