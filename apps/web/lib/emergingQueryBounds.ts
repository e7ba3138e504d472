import { EmergingQuerySchema } from "@alignment-trends/schema";

/** The lowest, highest and default value of a whole-number setting. */
export interface SettingBounds {
  min: number;
  max: number;
  default: number;
}

const defaults = EmergingQuerySchema.parse({});

function boundsOf(field: "window" | "minPapers" | "limit"): SettingBounds {
  const number = EmergingQuerySchema.shape[field].unwrap().out;
  if (number.minValue === null || number.maxValue === null) throw new Error(`EmergingQuerySchema.${field} has no bounds`);
  return { min: number.minValue, max: number.maxValue, default: defaults[field] };
}

/** The bounds of the emerging-terms settings, read from the query schema so that the form and the API agree. */
export const EMERGING_SETTING_BOUNDS = {
  window: boundsOf("window"),
  minPapers: boundsOf("minPapers"),
  limit: boundsOf("limit"),
} as const;
