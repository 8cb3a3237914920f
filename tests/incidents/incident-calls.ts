// HTTP calls on /api/v1/incidents as a role, and the way from `reported` to any state through the
// shared transition table, for the incident tests.
import { INCIDENT_TRANSITIONS, type Incident, type IncidentStatus } from '@shared/incidents';
import type { TestServer } from '../helpers/test-server';

export type Role = Parameters<TestServer['token']>[0];

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export function caller(ts: () => TestServer) {
  return async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    role: Role | undefined,
    body?: unknown,
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role) headers.authorization = `Bearer ${ts().token(role)}`;
    const response = await fetch(`${ts().baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
}

/** The shortest way from `reported` to each state the table reaches (breadth first). */
export function pathsFromReported(): Map<IncidentStatus, IncidentStatus[]> {
  const paths = new Map<IncidentStatus, IncidentStatus[]>([['reported', []]]);
  const queue: IncidentStatus[] = ['reported'];
  for (let state = queue.shift(); state; state = queue.shift())
    for (const next of INCIDENT_TRANSITIONS[state])
      if (!paths.has(next)) {
        paths.set(next, [...paths.get(state)!, next]);
        queue.push(next);
      }
  return paths;
}

export const HUBEI_FOOD = {
  title: '武汉某学校食堂疑似集体食物中毒',
  severity: 'III',
  regionCodes: ['420102', '420103'],
  category: 'food',
  description: '午餐后 30 余名学生出现呕吐、腹泻症状',
  leadUnit: '武汉市市场监督管理局',
  assignees: ['王强', '刘洋'],
  alertIds: ['alert-1'],
  caseIds: ['case-1', 'case-2'],
} as const;

export type { Incident };
