// The brand-staff admin web: `npm run build:admin` writes dist-admin/, which the
// backend (or a test's static server) serves; `vite --config config/vite.admin.ts`
// runs it in development with /api and /media proxied to the backend.
import path from 'node:path'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const repo = path.resolve(__dirname, '..')
const backend = process.env.ADMIN_BACKEND_URL || 'http://127.0.0.1:3000'

export default defineConfig({
  root: path.join(repo, 'src/admin'),
  // Relative asset URLs: the same build works under /admin/ or at the root (routing is by hash).
  base: './',
  plugins: [react()],
  resolve: { alias: { '@core': path.join(repo, 'src/core') } },
  build: {
    outDir: path.join(repo, 'dist-admin'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks: a change to admin code leaves React and antd cached.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined
          if (/node_modules\/(echarts|zrender|echarts-for-react)\//.test(id)) return 'charts'
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react'
          return undefined
        }
      }
    }
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': backend, '/media': backend }
  },
  preview: { host: '127.0.0.1', port: 4173, proxy: { '/api': backend, '/media': backend } }
})
