import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `vite` (dev) and `vite preview` send API calls: a running Operon service. */
const operonUrl = process.env.OPERON_URL ?? 'http://127.0.0.1:8080';
const proxy = {
  '/api': { target: operonUrl, changeOrigin: false },
  '/openapi.json': { target: operonUrl },
};

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  server: { proxy },
  preview: { proxy },
});
