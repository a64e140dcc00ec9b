import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The server serves the built app: fail early and clearly when it has not been built. */
export default function globalSetup() {
  const index = fileURLToPath(new URL(`../../${process.env.E2E_DIST ?? 'dist'}/index.html`, import.meta.url));
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run "npm run build" before "npm run e2e".`);
  }
}
