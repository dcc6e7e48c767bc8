import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type DevServer, freePort, startWranglerDev } from './wrangler-dev.ts';

/**
 * The examples/ workbook in a real spreadsheet program: LibreOffice Calc, headless, driven through
 * UNO (test/e2e/calc.py), against the Worker as `wrangler dev` serves it. Its WEBSERVICE cells and
 * its sheet linked to a CSV answer must read as the right numbers in an en-US and a de-DE Calc:
 * the de-DE one with `decimal=comma` (and `;` between CSV fields), as its users would set it.
 */
const run = promisify(execFile);
const WORKBOOK = fileURLToPath(new URL('../../examples/floorline.fods', import.meta.url));
const CALC = fileURLToPath(new URL('./calc.py', import.meta.url));

let server: DevServer;
let scratch: string;

before(async () => {
  server = await startWranglerDev();
  scratch = await mkdtemp(join(tmpdir(), 'floorline-sheets-'));
});

after(async () => {
  await server?.stop();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

interface Locale {
  readonly name: 'en-US' | 'de-DE';
  readonly decimal: 'point' | 'comma';
  /** LibreOffice's CSV filter options: separator, quote, UTF-8, first line, -, language. */
  readonly csvFilter: string;
}

const EN_US: Locale = { name: 'en-US', decimal: 'point', csvFilter: '44,34,76,1,,1033' };
const DE_DE: Locale = { name: 'de-DE', decimal: 'comma', csvFilter: '59,34,76,1,,1031' };

type Cell = { type: string; value: number; text: string; error: number };

/**
 * A fresh Calc profile set to the locale, with links updated when a workbook opens. Macro security
 * "low" is what lets Calc fetch external links (WEBSERVICE, linked sheets) without asking; this
 * throw-away profile opens only the project's own workbook.
 */
async function profileFor(locale: string): Promise<string> {
  const dir = join(scratch, `profile-${locale}-${Math.random().toString(36).slice(2)}`);
  await mkdir(join(dir, 'user'), { recursive: true });
  const item = (path: string, name: string, value: string) =>
    `<item oor:path="${path}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
  await writeFile(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${item('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', locale)}
${item('/org.openoffice.Office.Calc/Content/Update', 'Link', '0')}
${item('/org.openoffice.Office.Common/Security/Scripting', 'MacroSecurityLevel', '0')}
</oor:items>
`,
  );
  return dir;
}

/** Opens the workbook as a user of `locale` would set it up, and reads the cells. */
async function openWorkbook(
  locale: Locale,
  decimal: 'point' | 'comma',
  cells: readonly string[],
): Promise<Record<string, Cell>> {
  const xml = (await readFile(WORKBOOK, 'utf8'))
    .replaceAll('http://localhost:8787', server.origin)
    .replace('<text:p>point</text:p>', `<text:p>${decimal}</text:p>`)
    .replace('decimal=point"', `decimal=${decimal}"`)
    .replace(
      'table:filter-options="44,34,76,1,,1033"',
      `table:filter-options="${locale.csvFilter}"`,
    );
  const copy = join(scratch, `workbook-${locale.name}-${decimal}.fods`);
  await writeFile(copy, xml);
  const profile = await profileFor(locale.name);
  const { stdout } = await run(
    '/usr/bin/python3',
    [CALC, profile, copy, String(await freePort()), ...cells],
    { timeout: 120_000 },
  );
  return JSON.parse(stdout) as Record<string, Cell>;
}

const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const SHEET_CELLS = ['Floorline.B4', 'Floorline.B5', 'Floorline.B6', 'Floorline.B7'];
const IMPORT_CELLS = COLUMNS.flatMap((col) => [`Import.${col}1`, `Import.${col}2`]);

/** The Import sheet's second row by the header in its first. */
function importedRow(cells: Record<string, Cell>): Record<string, Cell> {
  const row: Record<string, Cell> = {};
  for (const col of COLUMNS) {
    const name = cells[`Import.${col}1`]?.text ?? '';
    const value = cells[`Import.${col}2`];
    if (name !== '' && value !== undefined) row[name] = value;
  }
  return row;
}

for (const locale of [EN_US, DE_DE]) {
  test(`${locale.name} Calc reads the right numbers from WEBSERVICE and the imported CSV`, async () => {
    const cells = await openWorkbook(locale, locale.decimal, [...SHEET_CELLS, ...IMPORT_CELLS]);
    const number = (ref: string) => {
      const cell = cells[ref];
      assert.equal(cell?.error, 0, `${ref} is an error: ${JSON.stringify(cell)}`);
      return cell?.value;
    };
    // $10/kg under a $16/kg floor, full gap: 16 − 10 = 6 per kg.
    assert.equal(number('Floorline.B4'), 6);
    // With 25% already charged: R = 10 × 1.25 = 12.5, gap 16 − 12.5 = 3.5, AVE 3.5 / 10 = 0.35.
    assert.equal(number('Floorline.B5'), 0.35);
    // Magnets CN → US on 2026-03-01: MFN 2.1% + Section 301 25% = 0.271 of customs value.
    assert.equal(number('Floorline.B6'), 0.271);
    // Dy oxide at 1,600/kg against the reported 1,500/kg cap: 1600 − 1500 = 100 above it.
    assert.equal(number('Floorline.B7'), 100);

    const row = importedRow(cells);
    // 10,000 kg × $75 = 750,000.00 customs value (FOB); duties 750,000 × 0.271 = 203,250.00.
    assert.deepEqual(
      ['customsValue', 'duties', 'effectiveDutyRate'].map((name) => [
        name,
        row[name]?.type,
        row[name]?.value,
      ]),
      [
        ['customsValue', 'VALUE', 750000],
        ['duties', 'VALUE', 203250],
        ['effectiveDutyRate', 'VALUE', 0.271],
      ],
    );
    assert.equal(row.hts?.text, '8505.11.0070');
  });
}

test('de-DE Calc misreads the point-decimal answers: the reason decimal=comma exists', async () => {
  const cells = await openWorkbook(DE_DE, 'point', ['Floorline.B5']);
  const cell = cells['Floorline.B5'];
  // "0.35" is not a number to a German spreadsheet: an error or a wrong value, never 0.35.
  assert.ok(cell?.error !== 0 || cell?.value !== 0.35, JSON.stringify(cell));
});
