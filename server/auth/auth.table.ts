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
  /** Until when logins from browsers the account never used are refused, after repeated failures. */
  lockedUntil: Generated<string | null>;
  passwordChangedAt: Generated<string | null>;
};

export type SessionsTable = {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** The last request the session served: an idle session ends (auth.service.ts, IDLE_MINUTES). */
  lastSeenAt: Generated<string | null>;
};

export type LoginAttemptsTable = {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
  success: number;
  /** The known device (login_devices.id) the attempt came from; null: a browser the account never logged in from. */
  deviceId: string | null;
};

/** A browser an account logged in from: the hash of its device cookie. */
export type LoginDevicesTable = {
  id: string;
  userId: number;
  createdAt: string;
  lastLoginAt: string;
};

/** A one-time link sent by email: the hash of its token, what it is for, until when, and whether it was used. */
export type AccountLinksTable = {
  id: string;
  userId: number;
  kind: 'invitation' | 'reset';
  expiresAt: string;
  usedAt: string | null;
  createdBy: number | null;
  createdAt: string;
};

/** The delivery points a buyer orders for; none listed: all her customer's. */
export type UserDeliveryPointsTable = { userId: number; deliveryPointId: number };

/** A rate limit's counter for one key (route class and caller), shared by every node through the database. */
export type RateLimitHitsTable = { key: string; hits: number; resetsAt: string };
