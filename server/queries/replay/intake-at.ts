// The intake panels of one scope as they stood at a past moment (intake-at.sql), in the result shape
// of the live intake query, so the live assembler builds the parts from it.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { parseIntake, type IntakeInput, type IntakeResult, type IntakeRow } from '../intake/wall-intake';
import { SPELLS, type SpellsAt } from './spells';

export type IntakeAtInput = IntakeInput & SpellsAt;

export const intakeAt = defineQuery<IntakeAtInput, IntakeRow, IntakeResult>({
  name: 'replay:intake-at',
  file: new URL('./intake-at.sql', import.meta.url),
  params: (input) => ({
    spells: SPELLS[input.resolution].table,
    at: toDateTime(input.atMs),
    childDivisor: input.childDivisor,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    windowFrom: toDateTime(input.windowFromMs),
    windowTo: toDateTime(input.windowToMs),
    todayFrom: toDateTime(input.todayFromMs),
    hourFrom: toDateTime(input.hourFromMs),
  }),
  parse: (rows, input) => parseIntake(rows, input, SPELLS[input.resolution].stepMs),
});
