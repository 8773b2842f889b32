/** What an edit-view side panel says: a sentence in the colour of its tone, and what to do. */
export interface PanelText {
  tone: 'success' | 'warning' | 'danger' | 'neutral';
  text: string;
  /** What to do, or what it means, when there is more to say. */
  advice?: string;
}
