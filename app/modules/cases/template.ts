/**
 * The case template, versioned: each version lists its fields in reading order, so a case keeps being shown with the
 * field set it was written with when later versions add, drop or rename fields. Pure (no I/O).
 */

export const programmes = ["web-developer", "data-analyst", "cloud-devops", "cybersecurity", "ai-developer", "digital-inclusion", "other"] as const;
export type Programme = (typeof programmes)[number];

export const learnerProfiles = [
  "job-seekers",
  "young-adults-neet",
  "career-changers",
  "refugees-newcomers",
  "women-in-tech",
  "people-with-disabilities",
  "seniors",
  "mixed",
] as const;
export type LearnerProfile = (typeof learnerProfiles)[number];

/** The markdown fields of a case, in the order the page shows them. */
export type CaseTextField = "situation" | "actionsTaken" | "outcome" | "lessons" | "questions";
export type ContextField = "programme" | "week" | "groupSize" | "learnerProfile" | "notes";

export type TemplateVersion = {
  version: number;
  /** Markdown sections, in order; `required` ones must not be blank. */
  sections: { field: CaseTextField; required: boolean }[];
  context: ContextField[];
};

export const templates: Record<number, TemplateVersion> = {
  1: {
    version: 1,
    sections: [
      { field: "situation", required: true },
      { field: "actionsTaken", required: false },
      { field: "outcome", required: false },
      { field: "lessons", required: false },
      { field: "questions", required: false },
    ],
    context: ["programme", "week", "groupSize", "learnerProfile", "notes"],
  },
};

export const currentTemplateVersion = 1;

/** The field list to show a case with: its own version's, or the current one for an unknown version. */
export function templateFor(version: number): TemplateVersion {
  return templates[version] ?? templates[currentTemplateVersion];
}

/** Tag groups the library shows as facets, in order (the taxonomy's groups). */
export const facetTagGroups = ["situation", "phase", "audience", "format", "theme"] as const;
