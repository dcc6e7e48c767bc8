import type { ContentFloorResult } from '../../domain/content-floor';
import { formatPerUnit, formatRate, ROUNDERS } from '../../domain/rounding';
import { add, type Decimal, parseDecimal, round, subtract, sum } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { ContentFloorCommand } from './content-floor.command';
import type { ContentFloorResponse } from './content-floor.schemas';

/**
 * The answer rounded once per independent part; the total duty is the sum of the reported line
 * duties and the implied floor and the leak add and subtract reported parts, so reported parts add
 * up to reported totals.
 */
export function presentContentFloor(
  command: ContentFloorCommand,
  result: ContentFloorResult,
): ContentFloorResponse {
  const { rounding } = command;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const r4 = (x: Decimal) => round(x, 4, ROUNDERS[rounding]);
  const lineDuties = result.lines.map((l) => r4(l.dutyPerUnit));
  const duty = sum(lineDuties);
  const implied = add(r4(command.input.productPrice), duty);
  const leak = result.stageLeak;
  return {
    per: command.unit,
    stage: command.stage,
    productPricePerUnit: u(command.input.productPrice),
    lines: result.lines.map((l, i) => ({
      mineral: l.mineral,
      form: command.input.lines[i]?.form ?? 'oxide',
      floorStage: command.floorStages[i] ?? null,
      oxideKgPerUnit: formatRate(l.oxideKgPerUnit, rounding),
      gapPerKgOxide: u(l.gapPerKgOxide),
      dutyPerUnit: u(lineDuties[i] ?? parseDecimal(0)),
    })),
    dutyPerUnit: u(duty),
    adValoremEquivalent:
      result.adValoremEquivalent === null ? null : formatRate(result.adValoremEquivalent, rounding),
    impliedFloorPerUnit: u(implied),
    stageLeak:
      leak === null
        ? null
        : {
            stage: command.stage,
            floorPerUnit: u(leak.floorPerUnit),
            leakPerUnit: u(subtract(implied, r4(leak.floorPerUnit))),
          },
    meta: buildMeta(
      command.dataVersion,
      command.asOf,
      command.currency,
      rounding,
      command.warnings,
    ),
  };
}

/** The answer as one row: its totals (the lines are in the JSON form). */
export function contentFloorRow(r: ContentFloorResponse): FlatRow {
  return {
    per: r.per,
    stage: r.stage,
    productPricePerUnit: r.productPricePerUnit,
    dutyPerUnit: r.dutyPerUnit,
    adValoremEquivalent: r.adValoremEquivalent ?? '',
    impliedFloorPerUnit: r.impliedFloorPerUnit,
    stageLeakPerUnit: r.stageLeak?.leakPerUnit ?? '',
  };
}
