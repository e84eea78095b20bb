// The 排名 column of a kind whose rank scope is a setting: the header that says the scope, and the headers it replaces.
import type { RankScope } from "../core/scheme";

/** The header says which rows a rank is counted among, so a 5 is never read as the county's fifth when it is the township's. */
export function rankHeader(scope: RankScope): string {
  return scope === "county" ? "全县名次" : "乡镇内名次";
}

/**
 * Headers a workbook may already have for the rank column: 排名 of earlier templates, and the other
 * scope's header after the scope was changed. The pipeline writes into that column and relabels it.
 */
export const rankHeaderAliases: readonly string[] = ["排名", "全县名次", "乡镇内名次"];

/** The rank column as an assessment writes it. */
export function rankColumn(scope: RankScope) {
  return { header: rankHeader(scope), format: "integer" as const, width: 10, aliases: rankHeaderAliases };
}
