import { licenceBasis } from '../../data/value-rule';
import type { OriginContentResult } from '../../domain/origin-content';
import { formatMoney, formatRate, formatShareAgainst, type Ratio } from '../../domain/rounding';
import { type Decimal, toPlain, ZERO } from '../../numeric';
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
  const maxRedShare = command.input.maxRedShare ?? ZERO;
  const minBlueShare = command.input.minBlueShare ?? ZERO;
  // a share tested against a threshold keeps the places it takes to stay on its side. Every
  // share here keeps its side of every threshold the answer tests, so one figure never prints
  // two ways: a red share that is also China's content share reads 0.0009999 in both places
  // next to the 0.001 licence threshold, not 0.001 in one.
  const thresholds = [maxRedShare, minBlueShare, command.input.deMinimisShare];
  const share = (r: Ratio) => formatShareAgainst(r, thresholds, rounding);
  return {
    redValue: money(result.redValue),
    redShare: share(result.redShare),
    shares: {
      red: share(result.shares.red),
      blue: share(result.shares.blue),
      grey: share(result.shares.grey),
    },
    chinaContentValue: money(result.chinaContentValue),
    chinaContentShare: share(result.chinaContentShare),
    chinaLicenceRequired: result.chinaLicenceRequired,
    chinaLicenceBasis: licenceBasis(command.status, rule, command.asOf),
    chinaRule: {
      measureId: rule.id,
      state: command.status.state,
      reason: command.status.reason,
      deMinimisShare: rate(command.input.deMinimisShare),
      controlledElements: [...rule.elements],
    },
    qualifiesAsBlue: result.qualifiesAsBlue,
    // Thresholds are echoed exactly as sent: rounded, 0.00099995 would read as 0.001.
    maxRedShare: toPlain(maxRedShare),
    minBlueShare: toPlain(minBlueShare),
    meta: buildMeta(command.dataVersion, command.asOf, currency, rounding, command.warnings),
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
    // past the rule's known date the answer is the legal default, and says so.
    chinaLicenceRequired:
      r.chinaLicenceBasis === 'assumed'
        ? `${r.chinaLicenceRequired} (assumed)`
        : String(r.chinaLicenceRequired),
    chinaLicenceBasis: r.chinaLicenceBasis,
    qualifiesAsBlue: String(r.qualifiesAsBlue),
    asOf: r.meta.asOf,
    warnings: r.meta.warnings.map((w) => w.code).join(' '),
    currency: r.meta.currency,
  };
}
