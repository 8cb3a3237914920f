// The incidents in /metrics, read from the repository's memory at each scrape: how many are in each
// state, and the response clocks breached (on record, and still overrunning now).
import { Gauge, type Registry } from 'prom-client';
import { INCIDENT_STATUS_CODES, isIncidentActive } from '@shared/incidents';
import { responseClocks } from '@shared/incident-rules';
import type { Clock } from '../clock';
import type { IncidentRepository } from './repository';

export function registerIncidentMetrics(registry: Registry, incidents: IncidentRepository, clock: Clock): void {
  new Gauge({
    name: 'commandwall_incidents',
    help: 'Incidents by state',
    labelNames: ['status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const status of INCIDENT_STATUS_CODES) this.set({ status }, 0);
      for (const record of incidents.records()) this.inc({ status: record.status });
    },
  });
  new Gauge({
    name: 'commandwall_incident_clock_breaches',
    help: 'Incident response clocks breached, met late or still overrunning, over every incident on record, by clock',
    labelNames: ['clock'],
    registers: [registry],
    collect() {
      countClocks(this, incidents, clock, () => true);
    },
  });
  new Gauge({
    name: 'commandwall_incident_clocks_overrun',
    help: 'Response clocks of active incidents past due and not met now, by clock',
    labelNames: ['clock'],
    registers: [registry],
    collect() {
      countClocks(this, incidents, clock, (active, metAt) => active && metAt === null);
    },
  });
}

function countClocks(
  gauge: Gauge,
  incidents: IncidentRepository,
  clock: Clock,
  counts: (active: boolean, metAt: string | null) => boolean,
): void {
  gauge.reset();
  for (const name of ['verified', 'onSite', 'contained']) gauge.set({ clock: name }, 0);
  const nowMs = clock.now();
  for (const record of incidents.records())
    for (const c of responseClocks(record, incidents.clocks, nowMs))
      if (c.breached && counts(isIncidentActive(record.status), c.metAt)) gauge.inc({ clock: c.name });
}
