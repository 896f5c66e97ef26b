import { defineConfig } from 'vite';

// The build lands in target/classes/dashboard so the Maven module's jar carries it and the local gateway serves it
// from the classpath; CDK uploads the same directory to S3.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/classes/dashboard',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No inline scripts or data: URLs anywhere, so the CSP can forbid them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The API reference is a page of its own: its renderer never enters the dashboard's bundle.
    rolldownOptions: { input: { index: 'index.html', reference: 'docs/api/index.html' } },
  },
});
