// The intake panels of one scope as they stood at a past moment: the live intake query
// (intake/wall-intake.sql) over a spells table, in the result shape of the live one, so the live
// assembler builds the parts from it.
import { defineQuery } from '../../clickhouse/define-query';
import { intakeParams, parseIntake, type IntakeInput, type IntakeResult, type IntakeRow } from '../intake/wall-intake';
import { SPELLS, type SpellsAt } from './spells';

export type IntakeAtInput = IntakeInput & SpellsAt;

export const intakeAt = defineQuery<IntakeAtInput, IntakeRow, IntakeResult>({
  name: 'replay:intake-at',
  file: new URL('../intake/wall-intake.sql', import.meta.url),
  params: (input) => intakeParams(SPELLS[input.resolution].table, input.atMs, input),
  parse: (rows, input) => parseIntake(rows, input, SPELLS[input.resolution].stepMs),
});
