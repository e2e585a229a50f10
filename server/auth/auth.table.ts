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
