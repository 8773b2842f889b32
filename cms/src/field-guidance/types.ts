/** What an editor sees next to one field in the admin's edit form. */
export interface FieldGuidance {
  label: string;
  description?: string;
  placeholder?: string;
}

/** French labels and help texts for one content type or component, by attribute name. */
export type Guidance = Record<string, FieldGuidance>;
