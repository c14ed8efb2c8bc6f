import { defineConfig } from 'vitest/config';

// The server the dev server forwards API calls to (`aims serve --listen 127.0.0.1:8042`).
const backend = process.env.AIMS_DEV_BACKEND ?? 'http://127.0.0.1:8042';

export default defineConfig({
  // JSX is compiled by esbuild with the automatic runtime; no framework plugin is needed.
  esbuild: { jsx: 'automatic' },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark modules "use client" for server-component bundlers; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'eslint/**/*.test.js'],
    environment: 'node',
  },
});
