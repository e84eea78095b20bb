// Where the page's tests find the built page: dist/ (built by npm test's build:test), or another build named by KAOHE_WEB_DIST.
import { existsSync } from "node:fs";
import { join } from "node:path";

export function webDist(): string {
  const dir = process.env.KAOHE_WEB_DIST ?? "dist";
  if (!existsSync(join(dir, "kaohe.html"))) throw new Error(`${dir}/kaohe.html is missing: run npm run build:test first (or set KAOHE_WEB_DIST to a build of the page)`);
  return dir;
}
