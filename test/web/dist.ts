// Where the page's tests find the built page and the command line built with it: dist/ and dist-cli/ (npm test's build:test makes both from one tree), or the builds named by KAOHE_WEB_DIST and KAOHE_CLI.
import { existsSync } from "node:fs";
import { join } from "node:path";

export function webDist(): string {
  const dir = process.env.KAOHE_WEB_DIST ?? "dist";
  if (!existsSync(join(dir, "kaohe.html"))) throw new Error(`${dir}/kaohe.html is missing: run npm run build:test first (or set KAOHE_WEB_DIST to a build of the page)`);
  return dir;
}

/** The command line built beside the page, so the two are compared as one build of the same sources. */
export function builtCli(): string {
  const file = process.env.KAOHE_CLI ?? "dist-cli/kaohe.cjs";
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build:test first (or set KAOHE_CLI to a build of the command line)`);
  return file;
}
