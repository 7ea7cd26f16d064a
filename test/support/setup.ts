import 'reflect-metadata';

// The app's worker processes (document extraction) take this process's Node options; here they run the
// TypeScript sources, so they get a loader for them (vitest transforms only the modules of its own process).
const tsLoader = new URL('./ts-worker-loader.mjs', import.meta.url).href;
if (!process.execArgv.includes(tsLoader)) process.execArgv.push('--import', tsLoader);
