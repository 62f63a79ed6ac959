import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so the production build also works from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    environment: 'node',
  },
});
