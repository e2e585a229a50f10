import type { Generated } from 'kysely';

export type WorkTimingsTable = {
  id: Generated<number>;
  userId: number;
  kind: string;
  ref: string;
  startedAt: string;
  endedAt: string;
  minutes: number;
};

export type WorkSchedulesTable = {
  userId: number;
  startsAt: string;
  dayMinutes: number;
  breakFrom: string | null;
  breakTo: string | null;
};

export type AbsencesTable = {
  id: Generated<number>;
  userId: number;
  dateFrom: string;
  dateTo: string;
  timeFrom: string | null;
  timeTo: string | null;
  coveredBy: number | null;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
};

export type DayAssignmentsTable = {
  id: Generated<number>;
  ref: string;
  date: string;
  userId: number;
  postponedTo: string | null;
  assignedBy: number | null;
  at: string;
};

export type HandoverNotesTable = {
  id: Generated<number>;
  customerId: number | null;
  itemRef: string | null;
  authorId: number;
  text: string;
  at: string;
};

export type DayViewsTable = {
  userId: number;
  date: string;
  refsJson: string;
  seenAt: string;
};
