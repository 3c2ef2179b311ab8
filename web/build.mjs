// Bundles the front-end into OUT (default dist/): index.html, app.js and
// app.css, no CDN and nothing fetched at run time. The binary embeds
// these files (tools/embed-web.sh).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.env.OUT || 'dist';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: 'src/main.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: out,
  logLevel: 'warning',
  legalComments: 'eof',
});
copyFileSync('index.html', join(out, 'index.html'));
