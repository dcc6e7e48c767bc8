import { describe, expect, it } from 'vitest';
import { call } from '../helpers';

describe('the bloc-tiers picture at the size limits', () => {
  it('39-digit prices draw an SVG (landed values past 40 characters are not re-read as input)', async () => {
    // 10^38 and its neighbours: each landed price is reported with 4 places, 43 characters in all,
    // which the input parser (40 characters) would refuse; the picture reads its own answer.
    const big = (d: string) => ({ amount: `${d}${'0'.repeat(38)}`, currency: 'USD', per: 'kg' });
    const response = await call('/v1/bloc-tiers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'image/svg+xml' },
      body: JSON.stringify({
        mineral: 'ndpr-oxide',
        redPrice: big('1'),
        bluePrice: big('3'),
        floor: big('4'),
        destinations: ['US', 'JP'],
        floorMembers: ['US'],
        asOf: '2026-11-21',
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    // The floor's label is the answer's own string: 4 × 10^38 at 4 places.
    expect(await response.text()).toContain(`4${'0'.repeat(38)}.0000`);
  });
});
