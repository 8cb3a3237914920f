import { describe, expect, it } from 'vitest';
import type { WriterRole } from './writer-lease';
import { NotWriterError, createWriteFence, fencedMemory } from './writer-lease-fence';

function leaseAs(role: WriterRole, holder?: string) {
  const lease = { role, holder, term: 0 };
  return {
    lease,
    view: {
      isWriter: () => lease.role === 'writer',
      role: () => lease.role,
      holder: () => lease.holder,
      term: () => lease.term,
    },
  };
}

describe('the write fence', () => {
  it('lets the writer through and refuses a standby or an unknown role with the reason and Retry-After', () => {
    const { lease, view } = leaseAs('writer', 'wall-a');
    const fence = createWriteFence(view, 5);
    expect(() => fence.assertWriter('incident')).not.toThrow();
    lease.role = 'standby';
    expect(() => fence.assertWriter('incident')).toThrow(
      'this server is a standby: wall-a holds the writer lease; the incident was not stored',
    );
    lease.role = 'unknown';
    try {
      fence.assertWriter('notice');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NotWriterError);
      expect((error as NotWriterError).message).toMatch(/does not hold the writer lease.*the notice was not stored/);
      expect((error as NotWriterError).retryAfterSeconds).toBe(5);
    }
  });

  it('says memory read in an earlier lease term is stale, and refuses an insert from it', () => {
    const { lease, view } = leaseAs('standby', 'wall-a');
    const memory = fencedMemory(createWriteFence(view, 5), 'alert');
    memory.reading(); // loaded as a standby, term 0
    expect(() => memory.stale()).toThrow(NotWriterError);
    lease.role = 'writer';
    lease.term = 1;
    expect(memory.stale()).toBe(true);
    expect(() => memory.assertCurrent()).toThrow(/took the writer lease after it read the alerts/);
    memory.reading();
    expect(memory.stale()).toBe(false);
    expect(() => memory.assertCurrent()).not.toThrow();
  });
});
