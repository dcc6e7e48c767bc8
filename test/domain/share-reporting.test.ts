import { describe, expect, it } from 'vitest';
import { formatShareAgainst } from '../../src/domain/rounding';
import { d } from './numbers';

const share = (part: string, whole: string) => ({ of: d(part), to: d(whole) });
const T = [d('0.001')];

describe('formatShareAgainst: shares never round across a threshold', () => {
  it('99.99 / 100,000 = 0.0009999 is reported with 7 places, not as 0.001', () => {
    expect(formatShareAgainst(share('99.99', '100000'), T, 'half-up')).toBe('0.0009999');
  });

  it('a share that rounds without crossing keeps 6 places: 0.0123456789 → 0.012346', () => {
    expect(formatShareAgainst(share('0.0123456789', '1'), T, 'half-up')).toBe('0.012346');
  });

  it('exactly at the threshold: 100 / 100,000 = 0.001', () => {
    expect(formatShareAgainst(share('100', '100000'), T, 'half-up')).toBe('0.001');
  });

  it('just above: 0.00100000004 is 0.0010000000 at 10 places, so it is cut up to 0.0010000001', () => {
    expect(formatShareAgainst(share('0.00100000004', '1'), T, 'half-up')).toBe('0.0010000001');
  });

  it('just below: 0.00099999999996 is cut down to 0.0009999999', () => {
    expect(formatShareAgainst(share('0.00099999999996', '1'), T, 'half-up')).toBe('0.0009999999');
  });
});
