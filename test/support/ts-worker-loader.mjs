// Lets the worker processes the app starts from its TypeScript sources (under vitest) load .ts modules:
// vitest transforms the modules of its own process only. Added to the Node options they inherit by
// test/support/setup.ts; the built app (dist/) never needs it.
import { register } from 'node:module';

register('./ts-worker-loader-hooks.mjs', import.meta.url);
