// Where the browser tests put their pictures: a git-ignored folder, unless `npm run screenshots` asks them to refresh the README's pictures.
import { mkdirSync } from "node:fs";

/** The tracked pictures the README shows; only `npm run screenshots` writes here, so `npm test` leaves a clean checkout clean. */
const TRACKED = "test/e2e/screenshots";
const SCRATCH = "test/e2e/.tmp/screenshots";

/** The folder for this run's pictures, created if missing. */
export function screenshotDir(): string {
  const dir = process.env.KAOHE_SCREENSHOTS === "update" ? TRACKED : SCRATCH;
  mkdirSync(dir, { recursive: true });
  return dir;
}
