import type { Generated } from 'kysely';

// Tables of the satisfaction interviews (migration 2026_12_07_0700).

/** Per typology: how often the customer is interviewed, the questions asked, the score that calls the manager. */
export type SatisfactionGuidesTable = {
  typology: string;
  rhythmMonths: number;
  /** core SatisfactionQuestion[] as JSON. */
  questionsJson: string;
  lowScore: number;
  updatedBy: number | null;
  updatedAt: string;
};

export type SatisfactionInterviewsTable = {
  id: Generated<number>;
  customerId: number;
  /** The resolved complaint that asked its one question; null for an interview. */
  complaintId: number | null;
  at: string;
  /** [{question, score}] as JSON. */
  answersJson: string;
  overall: number | null;
  comment: string | null;
  followUpTaskId: number | null;
  createdBy: number | null;
};
