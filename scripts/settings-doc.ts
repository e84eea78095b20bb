// Writes docs/settings.md: every scheme setting of every kind with its default and source, from the code.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { settingsDoc } from "../src/workbook/settings-doc";

const path = join(import.meta.dirname, "..", "docs", "settings.md");
writeFileSync(path, settingsDoc());
console.log(path);
