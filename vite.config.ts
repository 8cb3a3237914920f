import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The wall is built from client/ into dist/client and served by the Express server at /.
// public/ holds what ships as-is: boundary packs, fonts.
export default defineConfig({
  root: `${root}client`,
  publicDir: `${root}public`,
  plugins: [vue()],
  resolve: {
    alias: {
      '@shared': `${root}shared`,
      '@client': `${root}client`,
    },
  },
  build: {
    outDir: `${root}dist/client`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('maplibre-gl')) return 'maplibre';
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 12315}`,
      '/healthz': `http://127.0.0.1:${process.env.PORT ?? 12315}`,
      '/socket.io': { target: `ws://127.0.0.1:${process.env.PORT ?? 12315}`, ws: true },
    },
  },
});
