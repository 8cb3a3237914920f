import { describe, expect, it } from 'vitest';
import { createAnswerTracker } from './answer-tracker';

describe('ClickHouse answering lately', () => {
  it('holds for a while after an answer, until a failure comes after it', () => {
    let nowMs = 1_000;
    const tracker = createAnswerTracker(() => nowMs);
    expect(tracker.answeredWithin(2_000)).toBe(false);
    tracker.answered();
    nowMs += 1_500;
    expect(tracker.answeredWithin(2_000)).toBe(true);
    nowMs += 1_000;
    expect(tracker.answeredWithin(2_000)).toBe(false);
    tracker.answered();
    nowMs += 10;
    tracker.failed();
    expect(tracker.answeredWithin(2_000)).toBe(false);
    nowMs += 10;
    tracker.answered();
    expect(tracker.answeredWithin(2_000)).toBe(true);
  });
});
