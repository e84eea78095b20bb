// The task pane's words in Chinese (the default) and English; components look text up here, never inline.
import type { Locale } from "../core/messages";
import { en } from "./strings-en";
import { zh, type Strings } from "./strings-zh";

export type { Strings } from "./strings-zh";
export { paneLocale } from "./pane-locale";

export const strings: Record<Locale, Strings> = { "zh-CN": zh, "en-US": en };

