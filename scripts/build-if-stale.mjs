// `npm run demo` builds the wall only when client sources are newer than the last build, so a
// second start is instant while a fresh clone still gets a built wall.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'client', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ['client', 'shared'].map((d) => newestMtime(path.join(root, d)));
const stale = !fs.existsSync(built) || Math.max(...sources) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('building the wall (vite build)...');
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}
