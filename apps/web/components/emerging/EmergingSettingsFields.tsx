import type { EmergingSettings } from "@/lib/emergingLinks";
import { EMERGING_SETTING_BOUNDS } from "@/lib/emergingQueryBounds";

const FIELDS = [
  { name: "window", label: "Window (months)" },
  { name: "minPapers", label: "Min. recent papers" },
  { name: "limit", label: "Terms shown" },
] as const;

/**
 * Number fields for the window length, the minimum of recent papers and the
 * maximum number of terms, placed inside the filter form. An emptied field is
 * left out of the URL, so the setting falls back to its default.
 */
export function EmergingSettingsFields({ settings }: { settings: EmergingSettings }) {
  return (
    <>
      {FIELDS.map((field) => {
        const bounds = EMERGING_SETTING_BOUNDS[field.name];
        return (
          <div key={field.name} className="field">
            <label htmlFor={`emerging-${field.name}`}>{field.label}</label>
            <input
              id={`emerging-${field.name}`}
              className="emerging-setting"
              type="number"
              name={field.name}
              min={bounds.min}
              max={bounds.max}
              step={1}
              inputMode="numeric"
              defaultValue={settings[field.name]}
            />
          </div>
        );
      })}
    </>
  );
}
