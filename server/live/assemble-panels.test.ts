import { describe, expect, it } from 'vitest';
import { PARTS, PART_NAMES } from '@shared/panels';
import { GROUP_REFRESH, PART_SOURCES } from './assemble-panels';

describe('the parts the server assembles', () => {
  it('announce the cadence of their slowest query group, as the registry declares it', () => {
    for (const part of PART_NAMES) {
      const slow = PART_SOURCES[part].some((group) => GROUP_REFRESH[group] === 'slow');
      expect(PARTS[part].refresh, part).toBe(slow ? 'slow' : 'tick');
    }
  });
});
