// Printing without Chromium fails with the reason (the route answers it 503); the queue lets the
// next report through after a failed one.
import { describe, expect, it } from 'vitest';
import { PdfUnavailable, printPdf } from './briefing-pdf';

describe('printPdf', () => {
  it('says where it looked for Chromium and how to point it elsewhere', async () => {
    const failing = printPdf('<p>x</p>', '/nonexistent/chromium', 1_000);
    await expect(failing).rejects.toBeInstanceOf(PdfUnavailable);
    await expect(failing).rejects.toThrow(/\/nonexistent\/chromium.*CHROMIUM_PATH/);
    await expect(printPdf('<p>x</p>', '/nonexistent/chromium', 1_000)).rejects.toMatchObject({
      reason: 'no chromium',
    });
  });
});
