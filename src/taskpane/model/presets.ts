// Common schemes a county starts from: each preset changes a few settings of the scheme being edited.
import type { Scheme } from "../../core/scheme";
import { defaultScheme, presets } from "../../kinds/registry";
import type { Strings } from "../strings";

export type { Preset } from "../../kinds/kind";

/** A preset's id: its strings are preset<Id> and preset<Id>Desc. */
export type PresetId = string;

/** A preset with the kind it starts from when nothing is being edited yet. */
export type KindPreset = (typeof presets)[number];

/** Every kind's presets, in the kinds' order. */
export { presets };

/** The scheme after a preset: applied to the draft, or to the preset's kind's defaults when there is none. */
export function applyPreset(preset: KindPreset, draft: Scheme | undefined, year?: number): Scheme {
  return preset.apply(structuredClone(draft ?? defaultScheme(preset.kind, year)));
}

/** A preset's name and one-line description in the pane's language (string keys preset<Id> and preset<Id>Desc). */
export function presetText(id: string, s: Strings): { name: string; description: string } {
  const key = `preset${id[0].toUpperCase()}${id.slice(1)}`;
  const table = s as unknown as Record<string, unknown>;
  return { name: String(table[key]), description: String(table[`${key}Desc`]) };
}
