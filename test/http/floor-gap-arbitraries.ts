import fc from 'fast-check';

/**
 * Inputs for property tests of the floor-gap figures as printed: amounts with 5 or 6 places, so
 * that they round at the printed 4, every method, other duty rates up to 0.5, both bases and both
 * rounding modes.
 */
export const amount = fc
  .tuple(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom(5, 6))
  .map(([n, places]) => (n / 10 ** places).toFixed(places));

export const method = fc.oneof(
  fc.constant({ type: 'full-gap' }),
  fc.constant({ type: 'tranche' }),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => ({
    type: 'capped',
    maxRate: (n / 1_000_000).toFixed(6),
  })),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => ({
    type: 'all-or-nothing',
    penaltyRate: (n / 1_000_000).toFixed(6),
  })),
);

export const otherDutyRate = fc
  .integer({ min: 0, max: 500_000 })
  .map((n) => (n / 1_000_000).toFixed(6));

export const basis = fc.constantFrom('duty-paid', 'customs-value');

export const rounding = fc.constantFrom('half-up', 'half-even');
