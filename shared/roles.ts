// Who a token speaks for. Server (token store, routes) and the socket contract (SocketData) share it.
export const ROLES = ['ingest', 'wall', 'operator', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Readers in increasing order of rights: each may do what the ones before it may. */
const READ_RANK: Record<Role, number> = { ingest: -1, wall: 0, operator: 1, director: 2, admin: 3 };

export function mayRead(role: Role): boolean {
  return READ_RANK[role] >= READ_RANK.wall;
}

export function mayIngest(role: Role): boolean {
  return role === 'ingest' || role === 'admin';
}
