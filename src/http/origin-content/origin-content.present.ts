import type { OriginContentResult } from '../../domain/origin-content';
import { formatMoney, formatRate, formatRatio } from '../../domain/rounding';
import type { Decimal } from '../../numeric';
import { buildMeta } from '../meta';
import type { FlatRow } from '../output';
import type { OriginContentCommand } from './origin-content.command';
import type { OriginContentResponse } from './origin-content.schemas';

/** The shares and the licence test, rounded as the request asks. */
export function presentOriginContent(
  command: OriginContentCommand,
  result: OriginContentResult,
): OriginContentResponse {
  const { currency, rounding, rule } = command;
  const money = (x: Decimal) => formatMoney(x, currency, rounding);
  const rate = (x: Decimal) => formatRate(x, rounding);
  return {
    redValue: money(result.redValue),
    redShare: formatRatio(result.redShare, rounding),
    shares: {
      red: formatRatio(result.shares.red, rounding),
      blue: formatRatio(result.shares.blue, rounding),
      grey: formatRatio(result.shares.grey, rounding),
    },
    chinaContentValue: money(result.chinaContentValue),
    chinaContentShare: formatRatio(result.chinaContentShare, rounding),
    chinaLicenceRequired: result.chinaLicenceRequired,
    chinaRule: {
      measureId: rule.id,
      state: command.status.state,
      deMinimisShare: rate(command.input.deMinimisShare),
      controlledElements: [...rule.elements],
    },
    qualifiesAsBlue: result.qualifiesAsBlue,
    meta: buildMeta(command.asOf, currency, rounding, command.warnings),
  };
}

/** The answer as spreadsheet cells. */
export function originContentRow(r: OriginContentResponse): FlatRow {
  return {
    redValue: r.redValue,
    redShare: r.redShare,
    blueShare: r.shares.blue,
    greyShare: r.shares.grey,
    chinaContentShare: r.chinaContentShare,
    chinaLicenceRequired: String(r.chinaLicenceRequired),
    qualifiesAsBlue: String(r.qualifiesAsBlue),
    asOf: r.meta.asOf,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
  };
}
