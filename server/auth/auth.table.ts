import type { Generated } from 'kysely';

export type UsersTable = {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  passwordHash: string;
  customerId: number | null;
  active: Generated<number>;
  createdAt: string;
};

export type SessionsTable = {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
};

export type LoginAttemptsTable = {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  success: number;
};
