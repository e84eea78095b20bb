// Writes the standard templates to templates/<id>.xlsx (or a folder given on the command line); the same code always gives the same bytes.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeTemplate } from "../src/cli/xlsx-template";
import { standardTemplates } from "../src/workbook/template-spec";

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(import.meta.dirname, "..", "templates"));
  mkdirSync(dir, { recursive: true });
  for (const spec of standardTemplates()) {
    const path = join(dir, `${spec.id}.xlsx`);
    await writeTemplate(spec, path);
    console.log(`${path}  ${spec.title}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
