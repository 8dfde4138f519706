import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The server sends a strict CSP (no inline scripts): the build emits only external scripts and stylesheets.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
})
