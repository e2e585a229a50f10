/** The roles of Carnet's users, apart so that the schemas can name them without importing the types they shape. */
export const ROLES = ['assistant', 'manager', 'admin', 'buyer'] as const;
export type Role = (typeof ROLES)[number];
