import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// `npm run web:dev` talks to a server started with `npm start` (http://127.0.0.1:8080 unless WEB_DEV_API_URL says otherwise).
const api = process.env.WEB_DEV_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  server: { proxy: { '/graphql': { target: api, ws: true }, '/api': api, '/chat': api } },
});
