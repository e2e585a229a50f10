// Table of the call scripts (migration 2026_12_07_0700): per typology and call screen, what a manager wrote.
export type CallScriptsTable = {
  typology: string;
  screen: string;
  opening: string;
  questions: string;
  calming: string;
  closing: string;
  updatedBy: number | null;
  updatedAt: string;
};
