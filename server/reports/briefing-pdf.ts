// The report's HTML printed to PDF by headless Chromium (Debian's /usr/bin/chromium through
// playwright-core). Chromium is started for one report and closed after it: reports are rare, and a
// browser kept running would hold ~150 MB beside the wall server for nothing. Every request the page
// makes is refused, so a PDF is exactly the self-contained HTML, fonts included.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium is not there or would not start: the route answers 503 with this reason. */
export class PdfUnavailable extends Error {
  constructor(
    message: string,
    readonly reason: 'no chromium' | 'busy' = 'no chromium',
  ) {
    super(message);
  }
}

/** PDFs printed one at a time (each Chromium takes ~150 MB and a core); this many more may wait. */
export const PDF_QUEUE_LIMIT = 4;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

export async function printPdf(html: string, chromiumPath: string, timeoutMs: number): Promise<Buffer> {
  if (waiting > PDF_QUEUE_LIMIT)
    throw new PdfUnavailable(
      `${waiting} PDF reports are being printed or waiting: retry shortly, or ask for format=html`,
      'busy',
    );
  waiting += 1;
  const turn = queue.then(() => printOne(html, chromiumPath, timeoutMs));
  queue = turn.catch(() => undefined);
  try {
    return await turn;
  } finally {
    waiting -= 1;
  }
}

async function printOne(html: string, chromiumPath: string, timeoutMs: number): Promise<Buffer> {
  if (!fs.existsSync(chromiumPath))
    throw new PdfUnavailable(
      `no Chromium at ${chromiumPath} to print the PDF (install Debian's chromium or set CHROMIUM_PATH); format=html and format=csv work without it`,
    );
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS, timeout: timeoutMs });
  } catch (error) {
    throw new PdfUnavailable(`Chromium at ${chromiumPath} did not start: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      // page numbers in the bottom margin: a handout is discussed page by page
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;text-align:center;font-size:8px;color:#6B7280"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
