// `npm run migrate`: builds dist/ when it can and must (as `npm start` does), then applies pending migrations.
import './ensure-build.mjs';

await import('../dist/migrate.js');
