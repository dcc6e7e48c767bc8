import type { ContentFloorReport } from '../../domain/content-floor';
import { formatPerUnit, formatRate, roundPerUnit } from '../../domain/rounding';
import { compare, type Decimal, ZERO } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { ContentFloorCommand } from './content-floor.command';
import type { ContentFloorResponse } from './content-floor.schemas';

/** The answer: the report's figures as text (reported parts add up: `reportContentFloor`). */
export function presentContentFloor(
  command: ContentFloorCommand,
  report: ContentFloorReport,
): ContentFloorResponse {
  const { rounding } = command;
  const { reported } = report;
  const u = (x: Decimal) => formatPerUnit(x, rounding);
  const leak = reported.stageLeak;
  const floor = command.input.productStageFloor;
  const f = floor === null ? ZERO : roundPerUnit(floor, rounding);
  const implied = reported.impliedFloorPerUnit;
  // A product-stage floor above the implied one is no content duty: said, never dropped silently
  // (no such floor: 0, never above a price).
  const above =
    compare(f, implied) > 0
      ? [
          {
            code: 'product-stage-floor',
            detail: `The ${command.stage} floor ${u(f)} is above the implied floor ${u(implied)} and not charged here; POST /v1/floor-gap prices a duty on the product's own price.`,
          },
        ]
      : [];
  return {
    per: command.unit,
    stage: command.stage,
    productPricePerUnit: u(reported.productPricePerUnit),
    lines: report.lines.map((l, i) => ({
      mineral: l.mineral,
      form: command.input.lines[i]?.form ?? 'oxide',
      floorStage: command.floorStages[i] ?? null,
      oxideKgPerUnit: formatRate(l.oxideKgPerUnit, rounding),
      gapPerKgOxide: u(l.gapPerKgOxide),
      dutyPerUnit: u(reported.lineDuties[i] ?? ZERO),
    })),
    dutyPerUnit: u(reported.dutyPerUnit),
    adValoremEquivalent:
      report.adValoremEquivalent === null ? null : formatRate(report.adValoremEquivalent, rounding),
    impliedFloorPerUnit: u(reported.impliedFloorPerUnit),
    stageLeak:
      leak === null
        ? null
        : {
            stage: command.stage,
            floorPerUnit: u(leak.floorPerUnit),
            leakPerUnit: u(leak.leakPerUnit),
          },
    meta: buildMeta(command.dataVersion, command.asOf, command.currency, rounding, [
      ...command.warnings,
      ...above,
    ]),
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
    currency: r.meta.currency,
  };
}
