import type { Role, User } from '../domain/editorial.js';

/** The users table as both SQL adapters read it. */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  credentials: string;
  role: Role;
  created_at: string;
  password_hash: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    credentials: row.credentials,
    role: row.role,
    createdAt: row.created_at,
  };
}
