import Oracle from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LandedCostResponse } from '../../src/http/landed-cost/landed-cost.schemas';
import { call, postJson, problemOf, rawJson } from '../helpers';

interface Line {
  measureId: string;
  kind: string;
  amount: string;
  formula: string;
  rate?: string;
  legal: { instrument: string };
}
interface BatchLine {
  lane: string;
  customsValue: string;
  lines: { measureId: string; kind: string; rate?: string; base: string; amount: string }[];
  duties: string;
  landedCost: string;
  entryId?: string;
}
interface LandedCost {
  customsValue: string;
  goods: string;
  quantity: { value: string; unit: string };
  valuationBasis: string;
  lines: Line[];
  duties: string;
  fees: string;
  freight: string;
  insurance: string;
  landedCost: string;
  landedPerUnit: string;
  landedPerKg: string;
  effectiveDutyRate: string;
  product: { mineral: string | null; hts: string };
  explain: { measureId: string; applied: boolean; reason: string }[];
  exportLicences: { measureId: string; label: string }[];
  meta: { warnings: { code: string; detail: string; rowIds?: string[]; knownUntil?: string }[] };
}

async function landedCost(body: Record<string, unknown>): Promise<LandedCost> {
  const response = await postJson('/v1/landed-cost', body);
  if (response.status !== 200) throw new Error(await response.text());
  return (await response.json()) as LandedCost;
}

const amounts = (r: LandedCost) => Object.fromEntries(r.lines.map((l) => [l.measureId, l.amount]));
const codes = (r: LandedCost) => r.meta.warnings.map((w) => w.code);

/** Neodymium oxide from China by air (no HMF): a base for several tests. */
const ndOxideByAir = { mineral: 'nd-oxide', origin: 'CN', transport: 'air' };

// 10,000 kg of sintered NdFeB magnets at 75 USD/kg FOB Ningbo; freight 4,000, insurance 500.
// US customs value (FOB basis) = 750,000.00. MPF 0.3464% × 750,000 = 2,598.00 → max 651.50;
// HMF 0.125% × 750,000 = 937.50; fees 1,589.00.
const magnets = {
  mineral: 'ndfeb-magnet',
  origin: 'CN',
  destination: 'US',
  quantity: { value: '10000', unit: 'kg' },
  price: { amount: '75', currency: 'USD', per: 'kg' },
  freight: '4000',
  insurance: '500',
};

describe('NdFeB magnets (8505.11.0070) from China into the US: how the stack changed', () => {
  // Sources, in the project's docs/SOURCES.md: MFN 2.1% (HTSUS 8505.11.00); IEEPA "fentanyl" 10%
  // from 2025-11-10 (EO of 2025-11-04), void from 2026-02-24 (Learning Resources v. Trump);
  // reciprocal tariff: sintered NdFeB on Annex II from 2025-09-08; Section 301 25% on magnets
  // from 2026-01-01 (89 FR 76581); Section 122 10% 2026-02-24 to 2026-07-23 with 8505.11.0070 on
  // its Annex II; Section 301 forced-labor action from 2026-07-24 with 8505.11.0070 in Annex II
  // Part A; MPF FY2026 33.58–651.50 (90 FR 34665), FY2027 34.58–670.86 (FR Doc 2026-15530).
  it('2025-11-15: MFN 2.1% + IEEPA fentanyl 10% (reciprocal exempt, Annex II) = 12.1%', async () => {
    const r = await landedCost({ ...magnets, asOf: '2025-11-15' });
    expect(r.product.hts).toBe('8505.11.0070');
    expect(r.customsValue).toBe('750000.00');
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '15750.00',
      'us-ieepa-fentanyl-cn-3': '75000.00',
      'us-mpf-fy2026': '651.50',
      'us-hmf': '937.50',
    });
    expect(r.effectiveDutyRate).toBe('0.121');
    // 750,000 + 4,000 + 500 + 90,750 + 1,589 = 846,839.00
    expect(r.landedCost).toBe('846839.00');
    expect(r.landedPerKg).toBe('84.6839');
    expect(r.explain).toContainEqual(
      expect.objectContaining({ measureId: 'us-ieepa-reciprocal-cn-3', applied: false }),
    );
  });

  it('2026-01-15: MFN 2.1% + Section 301 25% + IEEPA fentanyl 10% = 37.1%', async () => {
    const r = await landedCost({ ...magnets, asOf: '2026-01-15' });
    expect(amounts(r)).toMatchObject({
      'us-mfn-8505-11': '15750.00',
      'us-301-magnets-2026': '187500.00',
      'us-ieepa-fentanyl-cn-3': '75000.00',
    });
    // 15,750 + 187,500 + 75,000 = 278,250 = 37.1% of 750,000
    expect(r.duties).toBe('278250.00');
    expect(r.effectiveDutyRate).toBe('0.371');
    // 754,500 + 278,250 + 1,589
    expect(r.landedCost).toBe('1034339.00');
  });

  it('2026-03-01: IEEPA void; Section 122 exempts 8505.11.0070 (Annex II): 2.1% + 25% = 27.1%', async () => {
    const r = await landedCost({ ...magnets, asOf: '2026-03-01' });
    expect(Object.keys(amounts(r))).toEqual([
      'us-mfn-8505-11',
      'us-301-magnets-2026',
      'us-mpf-fy2026',
      'us-hmf',
    ]);
    expect(r.lines[0]?.formula).toBe('2.1% × 750,000.00');
    expect(r.lines[2]?.formula).toBe(
      '0.3464% × 750,000.00 = 2,598.00 → 651.50 (clamped to min 33.58, max 651.50 per entry)',
    );
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-s122-surcharge',
        applied: false,
        reason: 'exempt: HTS 8505.11.0070 is on Annex II',
      }),
    );
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-fentanyl-cn-3',
        applied: false,
        reason: 'ended on 2026-02-23',
      }),
    );
    // 15,750 + 187,500 = 203,250 (27.1%, not 37.1%: $75,000 less than with the surcharge)
    expect(r.duties).toBe('203250.00');
    expect(r.effectiveDutyRate).toBe('0.271');
    // 754,500 + 203,250 + 1,589
    expect(r.landedCost).toBe('959339.00');
    expect(r.exportLicences.map((l) => l.measureId)).toEqual(['cn-export-control-no18']);
    expect(r.meta.warnings).toEqual([]);
  });

  it('2026-08-01: the forced-labor action exempts 8505.11.0070 (Annex II Part A): still 27.1%', async () => {
    const r = await landedCost({ ...magnets, asOf: '2026-08-01' });
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-301fl-cn-hk',
        applied: false,
        reason: 'exempt: HTS 8505.11.0070 is on Annex II Part A',
      }),
    );
    expect(r.explain).toContainEqual(
      expect.objectContaining({ measureId: 'us-s122-surcharge', applied: false }),
    );
    expect(r.duties).toBe('203250.00');
    expect(r.effectiveDutyRate).toBe('0.271');
    expect(r.landedCost).toBe('959339.00');
  });

  it('2026-12-01: 27.1% with the FY2027 MPF max 670.86, no warning; No. 61 is not a licence of a shipment from China', async () => {
    const r = await landedCost({ ...magnets, asOf: '2026-12-01' });
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '15750.00',
      'us-301-magnets-2026': '187500.00',
      'us-mpf-fy2027': '670.86',
      'us-hmf': '937.50',
    });
    expect(r.effectiveDutyRate).toBe('0.271');
    // 754,500 + 203,250 + 670.86 + 937.50 = 959,358.36
    expect(r.landedCost).toBe('959358.36');
    // The October 2025 controls' suspension ended 2026-11-10 and its sequel is NOT FOUND. No. 57
    // lists Ho, Er, Tm, Eu, Yb, none of which the magnet contains; No. 61 controls products made
    // outside China with Chinese content, not China's own exports (No. 18 covers the magnet's Dy
    // and Tb). Every other row is known until 2026-12-01. Nothing about ended rows.
    expect(r.meta.warnings).toEqual([]);
    expect(r.exportLicences.map((l) => l.measureId)).toEqual(['cn-export-control-no18']);
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'cn-export-control-no61',
        applied: false,
        reason:
          'controls products made outside CN with its content, not exports from it (see /v1/origin-content)',
      }),
    );
  });
});

/** Sintered SmCo magnets (8505.11.0050, not on Annex II Part A) from Germany, 100,000 by air. */
const smcoFromGermany = {
  hts: '8505.11.0050',
  origin: 'DE',
  asOf: '2026-08-01',
  transport: 'air',
  quantity: { value: '1000', unit: 'kg' },
  price: { amount: '100', per: 'kg' },
};

describe('rare-earth compounds and metals on the reciprocal tariff’s Annex II (EO 14257)', () => {
  // Nd oxide 2846.90.80 (MFN 3.7%), 1,000 kg at 60 USD/kg FOB: customs value 60,000.00 (US: FOB).
  // Annex II (HTSUS ch. 99 U.S. note 2(v)(iii)) lists 2805.30.00 and 2846.10.00/.90.20/.40/.80,
  // before and after the additions of 2025-09-05; the "fentanyl" tariff still applies.
  const ndOxide = {
    mineral: 'nd-oxide',
    origin: 'CN',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '60', currency: 'USD', per: 'kg' },
  };

  it('2025-11-15: MFN 3.7% + fentanyl 10% = 13.7%, duties 8,220.00 (was 14,220.00 with the reciprocal 10%)', async () => {
    const r = await landedCost({ ...ndOxide, asOf: '2025-11-15' });
    // 3.7% × 60,000 = 2,220.00; 10% × 60,000 = 6,000.00; 2,220 + 6,000 = 8,220.00 = 13.7%
    expect(amounts(r)).toMatchObject({
      'us-mfn-2846-90-80': '2220.00',
      'us-ieepa-fentanyl-cn-3': '6000.00',
    });
    expect(r.duties).toBe('8220.00');
    expect(r.effectiveDutyRate).toBe('0.137');
    expect(r.explain).toContainEqual({
      measureId: 'us-ieepa-reciprocal-cn-3',
      label: expect.any(String),
      applied: false,
      reason: 'exempt: HTS 2846.90.80 is on Annex II',
    });
  });

  it('2025-06-01: MFN 3.7% + fentanyl 20% = 23.7% (was 33.7%)', async () => {
    const r = await landedCost({ ...ndOxide, asOf: '2025-06-01' });
    // 2,220.00 + 20% × 60,000 = 12,000.00 → 14,220.00 = 23.7% of 60,000
    expect(r.duties).toBe('14220.00');
    expect(r.effectiveDutyRate).toBe('0.237');
    expect(r.explain).toContainEqual(
      expect.objectContaining({ measureId: 'us-ieepa-reciprocal-cn-2', applied: false }),
    );
  });

  it('2025-04-20: MFN 3.7% + fentanyl 20% = 23.7% (was 148.7% with the 125%); magnets still pay it', async () => {
    const r = await landedCost({ ...ndOxide, asOf: '2025-04-20' });
    expect(r.duties).toBe('14220.00');
    expect(r.effectiveDutyRate).toBe('0.237');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-cn-1',
        reason: 'exempt: HTS 2846.90.80 is on Annex II',
      }),
    );
    // 8505.11.0070 joined Annex II only on 2025-09-08: 2.1% × 60,000 = 1,260.00;
    // 20% = 12,000.00; 125% = 75,000.00; 1,260 + 12,000 + 75,000 = 88,260.00 = 147.1%
    const m = await landedCost({ ...ndOxide, mineral: 'ndfeb-magnet', asOf: '2025-04-20' });
    expect(amounts(m)).toMatchObject({ 'us-ieepa-reciprocal-cn-1': '75000.00' });
    expect(m.duties).toBe('88260.00');
    expect(m.effectiveDutyRate).toBe('1.471');
  });

  it('2025-04-09, the one day at 84% (EO 14259): magnets 2.1% + 20% + 84% = 106.1%; Nd oxide exempt, 23.7%', async () => {
    // 2.1% × 60,000 = 1,260.00; 20% = 12,000.00; 84% = 50,400.00; 1,260 + 12,000 + 50,400 = 63,660.00
    const m = await landedCost({ ...ndOxide, mineral: 'ndfeb-magnet', asOf: '2025-04-09' });
    expect(amounts(m)).toMatchObject({ 'us-ieepa-reciprocal-cn-0': '50400.00' });
    expect(m.duties).toBe('63660.00');
    expect(m.effectiveDutyRate).toBe('1.061');
    // 2,220.00 + 12,000.00 = 14,220.00 = 23.7% of 60,000
    const r = await landedCost({ ...ndOxide, asOf: '2025-04-09' });
    expect(r.duties).toBe('14220.00');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-cn-0',
        reason: 'exempt: HTS 2846.90.80 is on Annex II',
      }),
    );
  });

  it('2025-04-07, before China’s country rate (2025-04-09): the 10% baseline of EO 14257 s.3(a) on magnets; Nd oxide exempt', async () => {
    // 2.1% × 60,000 = 1,260.00; fentanyl 20% × 60,000 = 12,000.00; reciprocal 10% × 60,000 =
    // 6,000.00; 1,260 + 12,000 + 6,000 = 19,260.00 = 32.1% of 60,000.
    // MPF FY2025 0.3464% × 60,000 = 207.84 (inside 32.71–634.62); HMF 0.125% × 60,000 = 75.00.
    const m = await landedCost({ ...ndOxide, mineral: 'ndfeb-magnet', asOf: '2025-04-07' });
    expect(amounts(m)).toEqual({
      'us-mfn-8505-11': '1260.00',
      'us-ieepa-fentanyl-cn-2': '12000.00',
      'us-ieepa-reciprocal-cn-base': '6000.00',
      'us-mpf-fy2025': '207.84',
      'us-hmf': '75.00',
    });
    expect(m.duties).toBe('19260.00');
    expect(m.effectiveDutyRate).toBe('0.321');
    // 60,000 + 19,260 + 207.84 + 75.00 = 79,542.84
    expect(m.landedCost).toBe('79542.84');
    // Nd oxide: 2,220.00 + 12,000.00 = 14,220.00 = 23.7% of 60,000 (2846.90.80 on Annex II)
    const r = await landedCost({ ...ndOxide, asOf: '2025-04-07' });
    expect(r.duties).toBe('14220.00');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-cn-base',
        applied: false,
        reason: 'exempt: HTS 2846.90.80 is on Annex II',
      }),
    );
  });

  it('gallium 8112.92.10 from China on 2025-06-01: on Annex II from April, 3% + List 3 25% + fentanyl 20% = 48%', async () => {
    // 3% × 60,000 = 1,800.00; 25% = 15,000.00; 20% = 12,000.00; 28,800.00 = 48% of 60,000
    // (was 34,800.00 with the reciprocal 10%, 6,000.00)
    const r = await landedCost({ ...ndOxide, mineral: 'gallium', asOf: '2025-06-01' });
    expect(amounts(r)).toMatchObject({
      'us-mfn-8112-92-10': '1800.00',
      'us-301-list3-gallium': '15000.00',
      'us-ieepa-fentanyl-cn-2': '12000.00',
    });
    expect(r.duties).toBe('28800.00');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-cn-2',
        reason: 'exempt: HTS 8112.92.10 is on Annex II',
      }),
    );
  });

  it('gallium from China on 2025-06-01, explained: rows not yet in force or already ended say so, not "exempt" (were "exempt: HTS 8112.92.10 is on Annex II"); duties unchanged', async () => {
    // The single call always explains (`explain` is a field of the batch only).
    const r = await landedCost({ ...ndOxide, mineral: 'gallium', asOf: '2025-06-01' });
    // Unchanged: 1,800.00 + 15,000.00 + 12,000.00 = 28,800.00 (48% of 60,000)
    expect(r.duties).toBe('28800.00');
    const reasons = Object.fromEntries(r.explain.map((e) => [e.measureId, e.reason]));
    expect({
      'us-s122-surcharge': reasons['us-s122-surcharge'],
      'us-301fl-cn-hk': reasons['us-301fl-cn-hk'],
      'us-ieepa-reciprocal-cn-base': reasons['us-ieepa-reciprocal-cn-base'],
      'us-ieepa-reciprocal-cn-0': reasons['us-ieepa-reciprocal-cn-0'],
      'us-ieepa-reciprocal-cn-1': reasons['us-ieepa-reciprocal-cn-1'],
      'us-ieepa-reciprocal-cn-2': reasons['us-ieepa-reciprocal-cn-2'],
    }).toEqual({
      // Section 122 from 2026-02-24 and the forced-labor action from 2026-07-24: not yet in force.
      'us-s122-surcharge': 'takes effect on 2026-02-24',
      'us-301fl-cn-hk': 'takes effect on 2026-07-24',
      // The reciprocal rates before 2025-05-14 had ended by 2025-06-01.
      'us-ieepa-reciprocal-cn-base': 'ended on 2025-04-08',
      'us-ieepa-reciprocal-cn-0': 'ended on 2025-04-09',
      'us-ieepa-reciprocal-cn-1': 'ended on 2025-05-13',
      // In force 2025-05-14 to 2025-09-07: gallium is on its Annex II.
      'us-ieepa-reciprocal-cn-2': 'exempt: HTS 8112.92.10 is on Annex II',
    });
  });

  it('rare-earth metal (2805.30.00, MFN 5%) on 2025-11-15: 5% + fentanyl 10% = 15%', async () => {
    const r = await landedCost({ ...ndOxide, mineral: 'ree-metal', asOf: '2025-11-15' });
    // 5% × 60,000 = 3,000.00; 10% × 60,000 = 6,000.00; 9,000.00 = 15% of 60,000
    expect(r.product.hts).toBe('2805.30.00');
    expect(r.duties).toBe('9000.00');
    expect(r.effectiveDutyRate).toBe('0.15');
  });
});

describe('the reciprocal 10% baseline on every other origin (EO 14257 s.3(a), 2025-04-05 to 2026-02-23)', () => {
  // Sources (docs/SOURCES.md): EO 14257 s.3(a) first paragraph, 10% from 2025-04-05 (heading
  // 9903.01.25), not on Canada and Mexico (s.3(d)-(e)) nor column 2 countries (s.3(b)(v)); Annex II
  // (U.S. note 2(v)(iii)) lists the rare-earth, gallium and germanium lines from April 2025, natural
  // graphite and 8505.11.0070 from 2025-09-08 (EO of 2025-09-05); void from 2026-02-24.
  // 1,000 kg at 100 USD/kg by sea (HMF), FOB: customs value 100,000.00.
  const fromVietnam = {
    mineral: 'ndfeb-magnet',
    origin: 'VN',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '100', currency: 'USD', per: 'kg' },
  };

  it('VN magnets on 2025-04-20: MFN 2.1% + reciprocal 10% = 12.1% (was MFN only)', async () => {
    const r = await landedCost({ ...fromVietnam, asOf: '2025-04-20' });
    // MFN 2.1% × 100,000 = 2,100.00; reciprocal 10% × 100,000 = 10,000.00; duties 12,100.00.
    // MPF FY2025 0.3464% × 100,000 = 346.40 (inside 32.71–634.62); HMF 0.125% × 100,000 = 125.00.
    expect(r.customsValue).toBe('100000.00');
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-ieepa-reciprocal-base-1': '10000.00',
      'us-mpf-fy2025': '346.40',
      'us-hmf': '125.00',
    });
    expect(r.duties).toBe('12100.00');
    expect(r.fees).toBe('471.40');
    expect(r.effectiveDutyRate).toBe('0.121');
    // 100,000 + 12,100 + 471.40 = 112,571.40
    expect(r.landedCost).toBe('112571.40');
  });

  it('VN magnets on 2025-10-01: 8505.11.0070 on Annex II from 2025-09-08, MFN 2.1% only; another suffix pays VN’s 20%', async () => {
    const r = await landedCost({ ...fromVietnam, asOf: '2025-10-01' });
    // 2,100.00; MPF FY2026 0.3464% × 100,000 = 346.40 (inside 33.58–651.50); HMF 125.00
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-mpf-fy2026': '346.40',
      'us-hmf': '125.00',
    });
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-p2-20-2',
        applied: false,
        reason: 'exempt: HTS 8505.11.0070 is on Annex II',
      }),
    );
    // sintered SmCo 8505.11.0050 is not listed: 2,100.00 + 20% × 100,000 = 20,000.00 → 22,100.00
    const s = await landedCost({ ...fromVietnam, hts: '8505.11.0050', asOf: '2025-10-01' });
    expect(amounts(s)).toMatchObject({ 'us-ieepa-reciprocal-p2-20-2': '20000.00' });
    expect(amounts(s)).not.toHaveProperty('us-ieepa-reciprocal-base-2');
    expect(s.duties).toBe('22100.00');
  });

  it('DE (EU) graphite 2504.10.50 (Free): 10% on 2025-06-01, 15% less MFN on 2025-08-20, exempt from 2025-09-08', async () => {
    const graphite = { ...fromVietnam, mineral: 'natural-graphite', origin: 'DE' };
    const r = await landedCost({ ...graphite, asOf: '2025-06-01' });
    // MFN Free: 0.00; reciprocal 10% × 100,000 = 10,000.00
    expect(r.product.hts).toBe('2504.10.50');
    expect(amounts(r)).toMatchObject({ 'us-ieepa-reciprocal-base-1': '10000.00' });
    expect(r.duties).toBe('10000.00');
    // EU all-in 15%: max(15% − 0%, 0) = 15% × 100,000 = 15,000.00
    const august = await landedCost({ ...graphite, asOf: '2025-08-20' });
    expect(amounts(august)).toMatchObject({ 'us-ieepa-reciprocal-p2-eu-jp-1': '15000.00' });
    expect(august.duties).toBe('15000.00');
    const later = await landedCost({ ...graphite, asOf: '2025-10-01' });
    expect(later.duties).toBe('0.00');
    expect(later.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-p2-eu-jp-2',
        reason: 'exempt: HTS 2504.10.50 is on Annex II',
      }),
    );
  });

  it('country rates from 2025-08-07 (EO 14326) on magnets, 2025-08-20: VN 20%, DE and JP 15% all-in, KR 15%, CH 39%, AU 10%', async () => {
    const on = (origin: string) => landedCost({ ...fromVietnam, origin, asOf: '2025-08-20' });
    // VN: 2,100.00 + 20% × 100,000 = 20,000.00 → 22,100.00 (22.1%)
    expect((await on('VN')).duties).toBe('22100.00');
    // DE, JP: 2,100.00 + max(15% − 2.1%, 0) = 12.9% × 100,000 = 12,900.00 → 15,000.00 (15%)
    for (const origin of ['DE', 'JP']) {
      const r = await on(origin);
      expect(amounts(r)).toMatchObject({ 'us-ieepa-reciprocal-p2-eu-jp-1': '12900.00' });
      expect(r.duties).toBe('15000.00');
    }
    // KR: 2,100.00 + 15% = 15,000.00 → 17,100.00; CH: 2,100.00 + 39% = 39,000.00 → 41,100.00
    expect((await on('KR')).duties).toBe('17100.00');
    expect((await on('CH')).duties).toBe('41100.00');
    // AU has no rate of its own: the 10% baseline, 2,100.00 + 10,000.00 = 12,100.00
    const au = await on('AU');
    expect(amounts(au)).toMatchObject({ 'us-ieepa-reciprocal-base-1b': '10000.00' });
    expect(au.duties).toBe('12100.00');
  });

  it('Korea and Switzerland at 15% all-in from 2025-11-14: SmCo 8505.11.0050 on 2025-12-01', async () => {
    // 2,100.00 + max(15% − 2.1%, 0) × 100,000 = 12,900.00 → 15,000.00; was 17,100.00 (KR), 41,100.00 (CH)
    for (const origin of ['KR', 'CH']) {
      const r = await landedCost({
        ...fromVietnam,
        hts: '8505.11.0050',
        origin,
        asOf: '2025-12-01',
      });
      expect(amounts(r)).toMatchObject({ 'us-ieepa-reciprocal-p2-kr-ch-li': '12900.00' });
      expect(r.duties).toBe('15000.00');
    }
    const before = await landedCost({
      ...fromVietnam,
      hts: '8505.11.0050',
      origin: 'CH',
      asOf: '2025-11-13',
    });
    expect(before.duties).toBe('41100.00');
  });

  it('JP gallium 8112.92.10 and KR Nd oxide on 2025-06-01: on Annex II from April, MFN only', async () => {
    const ga = await landedCost({
      ...fromVietnam,
      mineral: 'gallium',
      origin: 'JP',
      asOf: '2025-06-01',
    });
    // MFN 3% × 100,000 = 3,000.00
    expect(ga.duties).toBe('3000.00');
    expect(ga.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-ieepa-reciprocal-base-1',
        reason: 'exempt: HTS 8112.92.10 is on Annex II',
      }),
    );
    const nd = await landedCost({
      ...fromVietnam,
      mineral: 'nd-oxide',
      origin: 'KR',
      asOf: '2025-06-01',
    });
    // MFN 3.7% × 100,000 = 3,700.00
    expect(nd.duties).toBe('3700.00');
  });

  it('not charged on Canada, Mexico or Russia (EO 14257 s.3(b)(v), (d)-(e)), nor before 2025-04-05 or after 2026-02-23', async () => {
    for (const origin of ['CA', 'MX', 'RU']) {
      const r = await landedCost({ ...fromVietnam, origin, asOf: '2025-06-01' });
      expect(r.explain).toContainEqual(
        expect.objectContaining({ measureId: 'us-ieepa-reciprocal-base-1', applied: false }),
      );
      expect(amounts(r)).not.toHaveProperty('us-ieepa-reciprocal-base-1');
    }
    // 2025-04-04: MFN only, 2,100.00; 2026-02-24: IEEPA void, Section 122 exempts 8505.11.0070
    const before = await landedCost({ ...fromVietnam, asOf: '2025-04-04' });
    expect(before.duties).toBe('2100.00');
    const after = await landedCost({ ...fromVietnam, hts: '8505.11.0050', asOf: '2026-02-24' });
    // 8505.11.0050 is on neither Annex II: 2,100.00 + Section 122 10% 10,000.00 = 12,100.00
    expect(amounts(after)).toMatchObject({ 'us-s122-surcharge': '10000.00' });
    expect(amounts(after)).not.toHaveProperty('us-ieepa-reciprocal-base-2');
    expect(after.duties).toBe('12100.00');
  });

  it('Hong Kong pays China’s rate (heading 9903.01.63): magnets on 2025-04-20, 2.1% + fentanyl 20% + 125%', async () => {
    const r = await landedCost({ ...fromVietnam, origin: 'HK', asOf: '2025-04-20' });
    // 2,100.00 + 20,000.00 + 125,000.00 = 147,100.00 = 147.1% of 100,000
    expect(amounts(r)).toMatchObject({
      'us-ieepa-fentanyl-cn-2': '20000.00',
      'us-ieepa-reciprocal-cn-1': '125000.00',
    });
    expect(amounts(r)).not.toHaveProperty('us-ieepa-reciprocal-base-1');
    expect(r.duties).toBe('147100.00');
  });
});

describe('export licences after China’s suspensions ended: labels say when they were suspended, not that they are', () => {
  it('rare-earth metal from China on 2026-11-20: No. 18 and No. 57 listed, No. 57 “suspended 2025-11-07 to 2026-11-10”', async () => {
    const r = await landedCost({
      mineral: 'ree-metal',
      origin: 'CN',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', currency: 'USD', per: 'kg' },
      asOf: '2026-11-20',
    });
    expect(r.exportLicences.map((l) => [l.measureId, l.label])).toEqual([
      [
        'cn-export-control-no18',
        'China dual-use export licence: 7 medium/heavy rare earths (No. 18 [2025])',
      ],
      [
        'cn-export-control-no57',
        'China dual-use export licence: 5 more rare earths (No. 57 [2025]; suspended 2025-11-07 to 2026-11-10)',
      ],
    ]);
    expect(codes(r)).toEqual(['suspension-ended', 'data-horizon']);
  });
});

describe('Japan’s natural-graphite rate (2504.10, 2504.90 Free)', () => {
  it('natural graphite CN→JP on 2026-11-20: coverage complete, duties 0.00; the text form answers (was 422 no-tariff-data)', async () => {
    const r = (await landedCost({
      mineral: 'natural-graphite',
      origin: 'CN',
      destination: 'JP',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', currency: 'USD', per: 'kg' },
      asOf: '2026-11-20',
    })) as LandedCost & { coverage: { tariffs: string } };
    // 1,000 kg × 60 = 60,000.00 (CIF basis, no freight given); Free: 0% × 60,000 = 0.00
    expect(r.coverage.tariffs).toBe('complete');
    expect(amounts(r)).toEqual({ 'jp-mfn-2504': '0.00' });
    expect(r.customsValue).toBe('60000.00');
    expect(r.duties).toBe('0.00');
    expect(codes(r)).not.toContain('no-tariff-data');
    const text = await call(
      '/v1/landed-cost?mineral=natural-graphite&origin=CN&destination=JP&quantity=1000&unit=kg&price=60&per=kg&asOf=2026-11-20&format=text',
    );
    // 60,000.00 + duties 0.00 + fees 0.00
    expect([text.status, await text.text()]).toEqual([200, '60000.00']);
  });
});

describe('the 2026 data: MPF FY2027, gallium, the forced-labor "less MFN" rate', () => {
  // Sources (docs/SOURCES.md): MPF FY2027 0.3464%, min 34.58, max 670.86 from 2026-10-01 ("Customs
  // User Fees To Be Adjusted for Inflation in Fiscal Year 2027", FR Doc 2026-15530, 2026-07-31);
  // nd-oxide 2846.90.80 MFN 3.7% (HTSUS column 1, hts.usitc.gov); gallium 8112.92.10 MFN 3%
  // (HTSUS) and Section 301 List 3 25% on China (83 FR 47974, raised to 25% by 84 FR 20459);
  // the forced-labor action (USTR, effective 2026-07-24; proposed FR Doc 2026-11296): EU rate
  // max(10% − MFN, 0), Annex II Part A exempting 8112.92.10 and 8505.11.0070 but not 8505.11.0050.
  it('MPF on 2026-10-15 at its new minimum: 0.3464% × 5,000 = 17.32 → 34.58', async () => {
    const r = await landedCost({
      ...ndOxideByAir,
      asOf: '2026-10-15',
      quantity: { value: '100', unit: 'kg' },
      price: { amount: '50', per: 'kg' },
    });
    expect(amounts(r)['us-mpf-fy2027']).toBe('34.58');
    // 5,000 + 3.7% 185.00 + 34.58
    expect(r.landedCost).toBe('5219.58');
  });

  it('MPF on 2026-10-15 at its new maximum: 0.3464% × 750,000 = 2,598.00 → 670.86', async () => {
    const r = await landedCost({ ...magnets, asOf: '2026-10-15', transport: 'air' });
    expect(r.lines.find((l) => l.measureId === 'us-mpf-fy2027')?.formula).toBe(
      '0.3464% × 750,000.00 = 2,598.00 → 670.86 (clamped to min 34.58, max 670.86 per entry)',
    );
  });

  it('gallium (8112.92.10) from China: MFN 3% + Section 301 List 3 25% = 28%', async () => {
    // 1,000 kg at an illustrative 400 USD/kg = 400,000; 3% = 12,000; 25% = 100,000;
    // duties 112,000 = 28%. Exempt from the forced-labor action (Annex II Part A).
    const r = await landedCost({
      mineral: 'gallium',
      origin: 'CN',
      asOf: '2026-10-15',
      transport: 'air',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '400', per: 'kg' },
    });
    expect(amounts(r)).toEqual({
      'us-mfn-8112-92-10': '12000.00',
      'us-301-list3-gallium': '100000.00',
      'us-mpf-fy2027': '670.86',
    });
    expect(r.effectiveDutyRate).toBe('0.28');
    expect(r.explain).toContainEqual(
      expect.objectContaining({ measureId: 'us-301fl-cn-hk', applied: false }),
    );
    // China's Ga/Ge/Sb export ban to the US was suspended until 2026-11-27 (No. 72 [2025]).
    expect(r.exportLicences).toEqual([]);
  });

  it('an EU-origin SmCo magnet (8505.11.0050, not exempt) pays 10% less MFN: 2.1% + 7.9% = 10%', async () => {
    // 100,000 customs value from Germany on 2026-08-01: MFN 2.1% = 2,100; forced-labor EU rate
    // max(10% − 2.1%, 0) = 7.9% = 7,900; duties 10,000.
    const r = await landedCost(smcoFromGermany);
    expect(amounts(r)).toMatchObject({ 'us-mfn-8505-11': '2100.00', 'us-301fl-eu-tw': '7900.00' });
    expect(r.lines.find((l) => l.measureId === 'us-301fl-eu-tw')?.rate).toBe('0.079');
    expect(r.duties).toBe('10000.00');
  });

  it('"less MFN" is never below 0: with a what-if MFN of 15% the EU rate is max(10% − 15%, 0) = 0', async () => {
    const r = await landedCost({
      ...smcoFromGermany,
      measures: [{ id: 'us-mfn-8505-11', kind: 'ad-valorem', rate: '0.15', programme: 'mfn' }],
    });
    expect(amounts(r)).toMatchObject({ 'us-mfn-8505-11': '15000.00', 'us-301fl-eu-tw': '0.00' });
    expect(r.duties).toBe('15000.00');
  });

  it('a plain nd-oxide call from China dated 2026-12-01 carries at most 2 warnings', async () => {
    const r = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-12-01',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '60', per: 'kg' },
    });
    expect(r.meta.warnings.length).toBeLessThanOrEqual(2);
    for (const w of r.meta.warnings) expect(w.code).toMatch(/data-horizon|suspension-ended/);
  });
});

// The SmCo shipment's 1,000 kg at 100 USD/kg by air (no HMF), as another 8505.11 suffix from Brazil
// (each test gives its own date): customs value 100,000.00; MPF FY2026 0.3464% × 100,000 = 346.40,
// inside its 33.58–651.50 clamp.
const fromBrazil = { ...smcoFromGermany, hts: '8505.11.0010', origin: 'BR' };

describe('Section 301 on Brazil (25% from 2026-07-22) and Section 338 on Canada (50% from 2026-08-19)', () => {
  // Sources (docs/SOURCES.md): USTR Notice of Action on Brazil, FR Doc 2026-14542, effective
  // 2026-07-22: heading 9903.05.01 +25% on all products of Brazil, stacking on every other
  // additional duty (U.S. note 50(a)); note 50(a)(ii) exempts 8505.11.0070 (not other 8505.11
  // suffixes) and the rare-earth, graphite, gallium and germanium lines. Brazil is in the
  // forced-labor action's flat 12.5% tier from 2026-07-24 (Annex II Part A exempts 8505.11.0070).
  // Section 338 proclamations of 2026-07-20, effective 2026-08-19: +50% on three positive lists
  // of products of Canada (U.S. note 51), USMCA goods included; no mineral line is listed.
  it('BR 8505.11.0010 on 2026-07-21, before the Brazil duty: MFN 2.1% + Section 122 10% = 12.1%', async () => {
    // MFN 2.1% × 100,000 = 2,100.00; Section 122 10% × 100,000 = 10,000.00 (8505.11.0010 is not
    // on its Annex II); duties 12,100.00; + MPF 346.40 → landed 112,446.40.
    const r = await landedCost({ ...fromBrazil, asOf: '2026-07-21' });
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-s122-surcharge': '10000.00',
      'us-mpf-fy2026': '346.40',
    });
    expect(r.duties).toBe('12100.00');
    expect(r.landedCost).toBe('112446.40');
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-301-br',
        applied: false,
        reason: 'takes effect on 2026-07-22',
      }),
    );
  });

  it('BR 8505.11.0010 on 2026-07-22: the 25% stacks on Section 122 for its last two days: 2.1% + 10% + 25% = 37.1%', async () => {
    // 2,100.00 + 10,000.00 + 25% × 100,000 = 25,000.00 → 37,100.00.
    const r = await landedCost({ ...fromBrazil, asOf: '2026-07-22' });
    expect(amounts(r)).toMatchObject({
      'us-mfn-8505-11': '2100.00',
      'us-s122-surcharge': '10000.00',
      'us-301-br': '25000.00',
    });
    expect(r.duties).toBe('37100.00');
  });

  it('BR 8505.11.0010 on 2026-08-01: MFN 2.1% + Brazil 25% + forced-labor 12.5% = 39.6%', async () => {
    // 2,100.00 + 25,000.00 + 12.5% × 100,000 = 12,500.00 → duties 39,600.00 = 0.396 of 100,000;
    // + MPF 346.40 → landed 139,946.40. Section 122 ended on 2026-07-23.
    const r = await landedCost({ ...fromBrazil, asOf: '2026-08-01' });
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-301-br': '25000.00',
      'us-301fl-br': '12500.00',
      'us-mpf-fy2026': '346.40',
    });
    expect(r.duties).toBe('39600.00');
    expect(r.effectiveDutyRate).toBe('0.396');
    expect(r.landedCost).toBe('139946.40');
  });

  it('BR sintered NdFeB 8505.11.0070 on 2026-08-01: exempt from both (note 50(a)(ii), Annex II Part A): MFN 2.1% only', async () => {
    const r = await landedCost({ ...fromBrazil, hts: '8505.11.0070', asOf: '2026-08-01' });
    expect(amounts(r)).toEqual({ 'us-mfn-8505-11': '2100.00', 'us-mpf-fy2026': '346.40' });
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-301-br',
        applied: false,
        reason: 'exempt: HTS 8505.11.0070 is on Annex I, U.S. note 50(a)(ii)',
      }),
    );
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-301fl-br',
        applied: false,
        reason: 'exempt: HTS 8505.11.0070 is on Annex II Part A',
      }),
    );
  });

  it('BR nd-oxide (2846.90.80) on 2026-08-01: exempt, so MFN 3.7% alone', async () => {
    // 100 kg at 50 USD/kg = 5,000.00; 3.7% = 185.00; MPF 0.3464% × 5,000 = 17.32 → min 33.58.
    const r = await landedCost({
      ...ndOxideByAir,
      origin: 'BR',
      asOf: '2026-08-01',
      quantity: { value: '100', unit: 'kg' },
      price: { amount: '50', per: 'kg' },
    });
    expect(amounts(r)).toEqual({ 'us-mfn-2846-90-80': '185.00', 'us-mpf-fy2026': '33.58' });
    expect(r.explain).toContainEqual(
      expect.objectContaining({ measureId: 'us-301-br', applied: false }),
    );
  });

  it('CA 8505.11.0010 on 2026-09-01: not on the Section 338 lists: MFN 2.1% + forced-labor 10% = 12.1%', async () => {
    // 2,100.00 + 10% × 100,000 = 10,000.00 → 12,100.00. USMCA qualification is not modelled, so
    // the forced-labor 10% is charged (its USMCA exemption is said in the row's notes).
    const r = await landedCost({ ...fromBrazil, origin: 'CA', asOf: '2026-09-01' });
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-301fl-10': '10000.00',
      'us-mpf-fy2026': '346.40',
    });
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-338-ca',
        applied: false,
        reason: 'does not cover HTS 8505.11.0010',
      }),
    );
  });

  it('the rest of the forced-labor tiers on SmCo magnets (8505.11.0050) on 2026-08-01: India 10% (tier_10pct), Vietnam 12.5% (tier_12_5pct)', async () => {
    // customs value 1,000 kg × 100 = 100,000.00; MFN 2.1% = 2,100.00; MPF 0.3464% = 346.40 (air)
    const india = await landedCost({ ...smcoFromGermany, origin: 'IN' });
    // 2,100.00 + 10% × 100,000 = 10,000.00 → 12,100.00
    expect(amounts(india)).toEqual({
      'us-mfn-8505-11': '2100.00',
      'us-301fl-10': '10000.00',
      'us-mpf-fy2026': '346.40',
    });
    expect(india.duties).toBe('12100.00');
    const vietnam = await landedCost({ ...smcoFromGermany, origin: 'VN' });
    // 2,100.00 + 12.5% × 100,000 = 12,500.00 → 14,600.00
    expect(amounts(vietnam)).toMatchObject({ 'us-301fl-12-5': '12500.00' });
    expect(vietnam.duties).toBe('14600.00');
  });

  it('CA salt (2501.00.00, on the 9903.03.14 list) pays 50% from 2026-08-19 and not the day before; a Canadian origin is all it takes (USMCA goods are not exempt)', async () => {
    // 50% × 100,000 = 50,000.00. The data has no MFN rate for 2501.00.00, so coverage is partial.
    const salt = { ...fromBrazil, hts: '2501.00.00', origin: 'CA' };
    const after = await landedCost({ ...salt, asOf: '2026-08-19' });
    expect(amounts(after)['us-338-ca']).toBe('50000.00');
    const before = await landedCost({ ...salt, asOf: '2026-08-18' });
    expect(amounts(before)['us-338-ca']).toBeUndefined();
    expect(before.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-338-ca',
        applied: false,
        reason: 'takes effect on 2026-08-19',
      }),
    );
    // The same line from Mexico is outside the measure.
    const mx = await landedCost({ ...salt, origin: 'MX', asOf: '2026-08-19' });
    expect(amounts(mx)['us-338-ca']).toBeUndefined();
  });
});

describe('classification, valuation, fees', () => {
  const ndpr = {
    mineral: 'ndpr-oxide',
    origin: 'CN',
    asOf: '2026-03-01',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '60', per: 'kg' },
  };

  it('a shipment inside one customs territory is no import: US to US, DE to the EU, DE to FR are 422 at /origin', async () => {
    for (const [origin, destination] of [
      ['US', 'US'],
      ['DE', 'EU'],
      ['DE', 'FR'],
    ]) {
      const problem = await problemOf(
        await postJson('/v1/landed-cost', { ...ndpr, origin, destination }),
        422,
      );
      expect(problem.errors).toEqual([
        {
          pointer: '/origin',
          detail: `is inside the destination's customs territory (${origin} to ${destination}): no import, so no duty or entry fee to price`,
        },
      ]);
    }
    // into the EU from outside it is an import as before
    expect((await postJson('/v1/landed-cost', { ...ndpr, destination: 'EU' })).status).toBe(200);
  });

  it('NdPr oxide as a mixture (2846.90.20, Free) or a single oxide (2846.90.80, 3.7% × 60,000 = 2,220.00)', async () => {
    const mixture = await landedCost({ ...ndpr, hts: '2846.90.20' });
    const single = await landedCost({ ...ndpr, hts: '2846.90.80' });
    expect(mixture.duties).toBe('0.00');
    expect(single.duties).toBe('2220.00');
    // Section 122 exempts critical minerals (chapter 28): skipped, not a silent zero.
    expect(single.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-s122-surcharge',
        applied: false,
        reason: 'exempt: HTS 2846.90.80 is on Annex II',
      }),
    );
    // MPF 0.3464% × 60,000 = 207.84; HMF 0.125% × 60,000 = 75.00
    expect(single.fees).toBe('282.84');
  });

  it('an HTS line several minerals share names none of them: no mineral assumed, no licences listed, and a warning says why', async () => {
    // 2846.90.80 is the line of eight single oxides (nd, pr, la, dy, tb, y, sm and NdPr as one).
    const { mineral: _, ...byLine } = { ...ndpr, hts: '2846.90.80', asOf: '2026-03-01' };
    const r = await landedCost(byLine);
    expect(r.product.mineral).toBeNull();
    expect(r.exportLicences).toEqual([]);
    const warning = r.meta.warnings.find((w) => w.code === 'classification');
    expect(warning?.rowIds).toEqual([
      'ndpr-oxide',
      'nd-oxide',
      'pr-oxide',
      'la-oxide',
      'dy-oxide',
      'tb-oxide',
      'y-oxide',
      'sm-oxide',
    ]);
    expect(warning?.detail).toMatch(/^2846\.90\.80 is the line of several minerals .*Pass mineral/);
    // The tariff follows the line all the same: MFN 3.7% × 60,000 = 2,220.00.
    expect(r.duties).toBe('2220.00');
    // Named, the mineral brings its licences: Dy is on China's No. 18 [2025] list.
    const dy = await landedCost({ ...byLine, mineral: 'dy-oxide' });
    expect(dy.exportLicences.map((l) => l.measureId)).toContain('cn-export-control-no18');
    // A line only one mineral has still names it (8505.11.0070: NdFeB magnets).
    const magnet = await landedCost({ ...byLine, hts: '8505.11.0070' });
    expect(magnet.product.mineral).toBe('ndfeb-magnet');
  });

  it('without hts, NdPr oxide takes its default line and warns that classification decides the rate', async () => {
    const r = await landedCost(ndpr);
    expect(r.product.hts).toBe('2846.90.20');
    expect(codes(r)).toContain('classification');
  });

  it('MPF below its minimum is raised to it: 0.3464% × 5,000 = 17.32 → 33.58', async () => {
    const r = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      transport: 'air',
      quantity: { value: '100', unit: 'kg' },
      price: { amount: '50', per: 'kg' },
    });
    expect(amounts(r)['us-mpf-fy2026']).toBe('33.58');
  });

  it('HMF applies to ocean transport only', async () => {
    const ocean = await landedCost({ ...magnets, asOf: '2026-03-01', transport: 'ocean' });
    const air = await landedCost({ ...magnets, asOf: '2026-03-01', transport: 'air' });
    expect(amounts(ocean)['us-hmf']).toBe('937.50');
    expect(amounts(air)['us-hmf']).toBeUndefined();
    expect(air.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'us-hmf',
        applied: false,
        reason: 'applies to ocean transport only, not air',
      }),
    );
  });

  it('the same shipment into the US (FOB: 750,000.00) and the EU (CIF: 750,000 + 4,000 + 500)', async () => {
    const us = await landedCost({ ...magnets, asOf: '2026-11-21' });
    const eu = await landedCost({ ...magnets, asOf: '2026-11-21', destination: 'EU' });
    expect([us.valuationBasis, us.customsValue]).toEqual(['FOB', '750000.00']);
    expect([eu.valuationBasis, eu.customsValue]).toEqual(['CIF', '754500.00']);
    // No EU tariff rows are seeded: duties 0 with a warning, never a silent zero.
    expect(eu.duties).toBe('0.00');
    expect(codes(eu)).toContain('no-tariff-data');
    expect(eu.landedCost).toBe('754500.00');
  });

  it('a CIF price includes freight and insurance: US customs value 750,000 − 4,500, counted once', async () => {
    const r = await landedCost({
      ...magnets,
      asOf: '2026-11-21',
      incoterm: 'CIF',
      transport: 'air',
    });
    expect(r.customsValue).toBe('745500.00');
    expect([r.freight, r.insurance]).toEqual(['0.00', '0.00']);
    // goods 750,000 (freight and insurance inside) + 2.1% and 25% of 745,500 = 15,655.50 +
    // 186,375.00 + MPF FY2027 max 670.86 (0.3464% × 745,500 = 2,582.41; FR Doc 2026-15530)
    // = 952,701.36; no HMF by air
    expect(r.landedCost).toBe('952701.36');
  });

  it('a price in CNY with an fx rate: 500 CNY/kg × 0.1390 = 69.50 USD/kg', async () => {
    const r = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-11-21',
      transport: 'air',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '500', currency: 'CNY', per: 'kg' },
      fx: { CNY: '0.1390' },
    });
    // goods 69,500; MFN 3.7% = 2,571.50; MPF 0.3464% = 240.748
    expect(r.customsValue).toBe('69500.00');
    expect(r.landedCost).toBe('72312.25');
  });

  it('a price per kg with a quantity in t and in lb', async () => {
    const base = {
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-11-21',
      transport: 'air',
      price: { amount: '50', per: 'kg' },
    };
    const tonnes = await landedCost({ ...base, quantity: { value: '2', unit: 't' } });
    expect(tonnes.customsValue).toBe('100000.00');
    const pounds = await landedCost({ ...base, quantity: { value: '1000', unit: 'lb' } });
    // 1000 lb = 453.59237 kg × 50 = 22,679.6185; + 3.7% 839.1458845 + MPF 78.562198484 = 23,597.326582984
    expect(pounds.customsValue).toBe('22679.62');
    expect(pounds.landedCost).toBe('23597.33');
    expect(pounds.landedPerUnit).toBe('23.5973');
    expect(pounds.landedPerKg).toBe('52.0232');
  });
});

describe('what-if measures and scenarios', () => {
  // 10 t lanthanum oxide at 5 USD/kg from China, 2026-11-21: customs value 50,000; MFN 3.7% = 1,850.
  // G7 floor 20,000/t on the duty-paid basis: R = 5,000 × 1.037 = 5,185/t; g = 14,815/t × 10 t.
  const lanthanum = {
    mineral: 'la-oxide',
    origin: 'CN',
    asOf: '2026-11-21',
    quantity: { value: '10', unit: 't' },
    price: { amount: '5', per: 'kg' },
  };

  it('g7-coordinated-floor lifts the duty-paid price exactly to the floor: 50,000 + 1,850 + 148,150 = 200,000', async () => {
    const r = await landedCost({ ...lanthanum, scenario: 'g7-coordinated-floor' });
    expect(amounts(r)['g7-lree-floor-gap']).toBe('148150.00');
    expect(r.duties).toBe('150000.00');
    // + MPF 173.20 + HMF 62.50
    expect(r.landedCost).toBe('200235.70');
    expect(r.lines.find((l) => l.kind === 'floor-gap')?.formula).toBe(
      'R = P × (1 + r) = 5,000.0000 × (1 + 0.037) = 5,185.0000 per t; g = max(0, F − R) = max(0, 20,000.0000 − 5,185.0000) = 14,815.0000; full gap: d = g = 14,815.0000 per t; duty = d × 10 t = 148,150.00; R + d = 20,000.0000 per t ≥ F: floor met',
    );
    // The scenario's measure and the benchmark it prices rest on one press report: one warning
    // naming both rows, not one each.
    const reported = r.meta.warnings.filter((w) => w.code === 'reported-figure');
    expect(reported.map((w) => w.rowIds)).toEqual([['g7-lree-floor-gap', 'g7-lree-floor']]);
    expect(reported[0]?.detail).toMatch(
      /^g7-lree-floor-gap prices g7-lree-floor \(20000 USD\/t\), a reported figure, not law: /,
    );
  });

  it('a what-if fee whose min is above its max is a 422 at its min', async () => {
    const response = await postJson('/v1/landed-cost', {
      ...lanthanum,
      measures: [{ id: 'f', kind: 'fee', rate: '0.01', min: '100', max: '10' }],
    });
    expect((await problemOf(response, 422)).errors?.map((e) => e.pointer)).toEqual([
      '/measures/0/min',
    ]);
  });

  it('the baseline has no floor; an inline floor-gap measure adds it, excludeMeasures drops MFN', async () => {
    expect((await landedCost(lanthanum)).duties).toBe('1850.00');
    const r = await landedCost({
      ...lanthanum,
      measures: [{ id: 'my-floor', kind: 'floor-gap', floor: { amount: '6', per: 'kg' } }],
      excludeMeasures: ['us-mfn-2846-90-80'],
    });
    // no other duties: 6,000/t − 5,000/t = 1,000/t... expressed per kg: (6 − 5) × 10,000 kg
    expect(r.duties).toBe('10000.00');
    expect(codes(r)).toContain('overridden');
  });

  it('two floor-gap measures on one line each take their gap over the ad valorem and specific duties, and say they stack', async () => {
    const r = await landedCost({
      ...lanthanum,
      asOf: '2026-06-01',
      price: { amount: '12000', currency: 'USD', per: 't' },
      scenario: 'g7-coordinated-floor',
      measures: [{ id: 'wi', kind: 'floor-gap', floor: { amount: '18000', per: 't' } }],
    });
    // 10 t at 12,000/t = 120,000.00; MFN 3.7% = 4,440.00; R = 12,000 × 1.037 = 12,444/t for both
    // floors: 20,000 − 12,444 = 7,556/t → 75,560.00; 18,000 − 12,444 = 5,556/t → 55,560.00.
    expect(amounts(r)).toMatchObject({
      'us-mfn-2846-90-80': '4440.00',
      'g7-lree-floor-gap': '75560.00',
      wi: '55560.00',
    });
    expect(r.duties).toBe('135560.00');
    expect(r.meta.warnings.find((w) => w.code === 'floors-stacked')?.rowIds).toEqual([
      'g7-lree-floor-gap',
      'wi',
    ]);
    // One floor alone: no such warning.
    const single = await landedCost({ ...lanthanum, scenario: 'g7-coordinated-floor' });
    expect(codes(single)).not.toContain('floors-stacked');
  });

  it('a what-if the request also excludes is not charged, and only its exclusion is said', async () => {
    const r = await landedCost({
      ...lanthanum,
      measures: [{ id: 'wi', kind: 'ad-valorem', rate: '0.1' }],
      excludeMeasures: ['wi'],
    });
    // MFN alone: 3.7% × 50,000 = 1,850.00 (the 10% what-if would add 5,000.00).
    expect(r.duties).toBe('1850.00');
    expect(r.meta.warnings.filter((w) => w.code === 'overridden')).toEqual([
      { code: 'overridden', detail: 'wi was excluded by the request.', rowIds: ['wi'] },
    ]);
  });

  // rows that ended before asOf never warn. us-ieepa-fentanyl-cn-1 ran 2025-02-04 to 2025-03-03
  // (seeds/measures.json): on 2026-03-01 excluding it changes nothing, so nothing is said of it.
  const magnetsMarch = {
    mineral: 'ndfeb-magnet',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-03-01',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '60', currency: 'USD', per: 'kg' },
  };

  it('excluding a row that ended before asOf changes nothing and warns nothing', async () => {
    const plain = await landedCost(magnetsMarch);
    const r = await landedCost({ ...magnetsMarch, excludeMeasures: ['us-ieepa-fentanyl-cn-1'] });
    expect(codes(r)).not.toContain('overridden');
    expect(r.meta.warnings).toEqual(plain.meta.warnings);
    expect(r.landedCost).toBe(plain.landedCost);
  });

  it('excluding a row in force that does not concern the shipment changes nothing and warns nothing', async () => {
    // us-301-magnets-2026 covers Chinese magnets, not Japanese ones; No. 61 is China's rule on
    // products made abroad with Chinese content, never a licence of a shipment from China.
    for (const [origin, id] of [
      ['JP', 'us-301-magnets-2026'],
      ['CN', 'cn-export-control-no61'],
    ] as const) {
      const shipment = { ...magnetsMarch, origin, asOf: '2026-12-01' };
      const plain = await landedCost(shipment);
      const r = await landedCost({ ...shipment, excludeMeasures: [id] });
      expect(codes(r)).not.toContain('overridden');
      expect(r.landedCost).toBe(plain.landedCost);
    }
  });

  it('excluding a row in force on asOf still warns overridden, naming it alone beside an ended one', async () => {
    const plain = await landedCost(magnetsMarch);
    const r = await landedCost({
      ...magnetsMarch,
      excludeMeasures: ['us-ieepa-fentanyl-cn-1', 'us-301-magnets-2026'],
    });
    expect(r.meta.warnings.filter((w) => w.code === 'overridden')).toEqual([
      {
        code: 'overridden',
        detail: 'us-301-magnets-2026 was excluded by the request.',
        rowIds: ['us-301-magnets-2026'],
      },
    ]);
    // 301 at 25% of the 60,000.00 customs value (1,000 kg × 60) = 15,000.00 less.
    expect(new Oracle(plain.landedCost).minus(r.landedCost).toFixed(2)).toBe('15000.00');
  });

  it('JSON numbers written plainly are read exactly however small (a 0.0000001 what-if rate and t quantity); written 1e-7, a 422', async () => {
    // La oxide, 50,000 customs value: MFN 1,850 + what-if 0.0000001 × 50,000 = 0.005 → 1,850.01 (half-up).
    const send = (body: unknown, raws: Record<string, string>) =>
      postJson('/v1/landed-cost', rawJson(body, raws));
    const rate = { ...lanthanum, measures: [{ id: 'tiny', kind: 'ad-valorem', rate: '@r' }] };
    const r = (await (await send(rate, { r: '0.0000001' })).json()) as LandedCost;
    expect(r.duties).toBe('1850.01');
    // 0.0000001 t = 0.1 g, at 5 USD/kg 0.0005 USD of goods: reported 0.00, the quantity as written.
    const small = { ...lanthanum, quantity: { value: '@q', unit: 't' } };
    const tiny = (await (await send(small, { q: '0.0000001' })).json()) as LandedCost;
    expect(tiny.goods).toBe('0.00');
    expect(tiny.quantity).toEqual({ value: '0.0000001', unit: 't' });
    // The same numbers with an exponent (JSON.stringify's 1e-7) are refused at their fields.
    for (const [body, pointer, raws] of [
      [rate, '/measures/0/rate', { r: '1e-7' }],
      [small, '/quantity/value', { q: '1e-7' }],
    ] as const) {
      const problem = await problemOf(await send(body, raws), 422);
      expect(problem.errors?.map((e) => [e.pointer, e.detail])).toEqual([
        [pointer, expect.stringContaining('exponents are not accepted')],
      ]);
    }
  });

  it('a conversion into pounds or stones is divided last, so extreme sizes keep every reported digit', async () => {
    // 1e39 USD/lb × 1e-36 kg = 1,000 / 0.45359237 = 2,204.6226218… → 2,204.62 (a quotient rounded
    // before the multiplication gave 2,204.60).
    const tiny = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity: { value: `0.${'0'.repeat(35)}1`, unit: 'kg' },
      price: { amount: `1${'0'.repeat(39)}`, per: 'lb' },
    });
    expect(tiny.goods).toBe('2204.62');
    // (10^40 − 1)² × 0.0311034768 / 907.18474 (ozt priced per st) = 3,428,571,…,714.2857… → .29
    const huge = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity: { value: '9'.repeat(40), unit: 'ozt' },
      price: { amount: '9'.repeat(40), per: 'st' },
    });
    expect(huge.goods).toBe(
      '3428571428571428571428571428571428571427885714285714285714285714285714285714.29',
    );
  });

  it('a JSON number takes the same 40-character limit as a string; 1e308 is an exponent; 10^21 written out is fine', async () => {
    // 10^40 ("1" and 40 zeros, 41 characters) and "0." with 39 digits (41 characters).
    for (const [field, raw] of [
      ['/quantity/value', `1${'0'.repeat(40)}`],
      ['/price/amount', `0.${'123456789'.repeat(5).slice(0, 39)}`],
    ] as const) {
      expect(raw).toHaveLength(41);
      const body =
        field === '/quantity/value'
          ? { ...lanthanum, quantity: { value: '@n', unit: 'kg' } }
          : { ...lanthanum, price: { amount: '@n', per: 'kg' } };
      const problem = await problemOf(
        await postJson('/v1/landed-cost', rawJson(body, { n: raw })),
        422,
      );
      expect(problem.errors?.map((e) => e.pointer)).toEqual([field]);
      expect(problem.errors?.[0]?.detail).toContain('at most 40 characters');
    }
    const huge = { ...lanthanum, quantity: { value: '@n', unit: 'kg' } };
    const exponent = await problemOf(
      await postJson('/v1/landed-cost', rawJson(huge, { n: '1e308' })),
      422,
    );
    expect(exponent.errors?.map((e) => [e.pointer, e.detail])).toEqual([
      ['/quantity/value', expect.stringContaining('exponents are not accepted')],
    ]);
    const fine = await postJson('/v1/landed-cost', rawJson(huge, { n: `1${'0'.repeat(21)}` }));
    expect(fine.status).toBe(200);
  });

  it('a long JSON number keeps every digit; 1.50 and 100 are read as they were (1.5 and 100)', async () => {
    // 0.1000000000000000055511151231257827 t (36 characters) was the double 0.1; now the quantity is
    // answered as written. Goods: 0.1000000000000000055511151231257827 t × 1,000 kg/t × 5 USD/kg
    // = 500.0000000000000277555756156289135 → 500.00.
    const sent = await postJson(
      '/v1/landed-cost',
      rawJson(
        { ...lanthanum, quantity: { value: '@q', unit: 't' } },
        { q: '0.1000000000000000055511151231257827' },
      ),
    );
    expect(sent.status).toBe(200);
    const long = (await sent.json()) as LandedCost;
    expect(long.quantity).toEqual({ value: '0.1000000000000000055511151231257827', unit: 't' });
    expect(long.goods).toBe('500.00');
    // 1.50 t and 100 as JSON numbers stay the numbers 1.5 and 100, as before (not "1.50"):
    // 1.5 t × 1,000 kg/t × 100 USD/kg = 150,000.00.
    const text = rawJson(
      { ...lanthanum, quantity: { value: '@q', unit: 't' }, price: { amount: '@p', per: 'kg' } },
      { q: '1.50', p: '100' },
    );
    const response = await postJson('/v1/landed-cost', text);
    expect(response.status).toBe(200);
    const plain = (await response.json()) as LandedCost;
    expect(plain.quantity).toEqual({ value: '1.5', unit: 't' });
    expect(plain.goods).toBe('150000.00');
  });

  it('unknown scenario, mineral and excluded measure are 422s at their fields', async () => {
    const problem = await problemOf(
      await postJson('/v1/landed-cost', {
        ...lanthanum,
        mineral: 'kryptonite',
        scenario: 'utopia',
        excludeMeasures: ['nope'],
      }),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer).sort()).toEqual([
      '/excludeMeasures/0',
      '/mineral',
      '/scenario',
    ]);
  });
});

describe('GET /v1/landed-cost and the batch', () => {
  it('GET with the CSV column names answers a bare landed cost for WEBSERVICE', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=10000&unit=kg&price=75&per=kg&asOf=2026-03-01&format=text',
    );
    // 750,000 + 27.1% 203,250 + 1,589 (no freight given; 8505.11.0070 exempt from Section 122)
    expect(await response.text()).toBe('954839.00');
  });

  describe('a blank query parameter is a 422 naming it, never a default', () => {
    // An empty spreadsheet cell pasted into the URL: before, asOf= priced as of today and freight=
    // as no freight, a 200 with the wrong number.
    const line =
      '/v1/landed-cost?mineral=ndpr-oxide&origin=CN&destination=US&quantity=1000&unit=kg&price=60&currency=USD&per=kg';
    const BLANK =
      'must not be blank: give a value, or leave the parameter out where it has a default';

    it('asOf= is not today, freight= not 0, price= not "price is required"; only spaces are blank too', async () => {
      for (const [query, pointer, parameter] of [
        [`${line}&asOf=&format=text`, '/asOf', 'asOf'],
        [`${line}&asOf=%20%20&format=text`, '/asOf', 'asOf'],
        [`${line}&asOf=2026-03-01&freight=&format=text`, '/freight', 'freight'],
        [`${line.replace('price=60', 'price=')}&asOf=2026-03-01`, '/price/amount', 'price'],
      ] as const) {
        const problem = await problemOf(await call(query), 422);
        expect(problem.errors, query).toEqual([{ pointer, parameter, detail: BLANK }]);
        expect(problem.detail, query).toBe(`${parameter} ${BLANK}.`);
      }
    });

    it('format=csv answers the problem as problem+json, not a CSV row', async () => {
      const response = await call(`${line}&asOf=&format=csv`);
      const problem = await problemOf(response, 422);
      expect(problem.errors).toEqual([{ pointer: '/asOf', parameter: 'asOf', detail: BLANK }]);
    });

    it('blanks are told with the query’s other problems, each at its parameter', async () => {
      const problem = await problemOf(
        await call(`${line.replace('quantity=1000', 'quantity=abc')}&asOf=&insurance=`),
        422,
      );
      expect(problem.errors?.map((e) => [e.pointer, e.parameter])).toEqual([
        ['/asOf', 'asOf'],
        ['/insurance', 'insurance'],
        ['/quantity/value', 'quantity'],
      ]);
    });

    it('the output parameters too: format=, decimal=, strict=, assume=, field= (422s already; now said blank)', async () => {
      for (const parameter of ['format', 'decimal', 'strict', 'assume', 'field']) {
        const output = parameter === 'format' ? 'format=' : `format=text&${parameter}=`;
        const problem = await problemOf(await call(`${line}&asOf=2026-03-01&${output}`), 422);
        expect(problem.errors, parameter).toEqual([
          { pointer: `/${parameter}`, parameter, detail: BLANK },
        ]);
      }
    });

    it('an empty key= is still taken where the deployment needs no key: it is no part of the question', async () => {
      const withKey = await call(`${line}&asOf=2026-03-01&format=text&key=`);
      const without = await call(`${line}&asOf=2026-03-01&format=text`);
      expect(withKey.status).toBe(200);
      expect(await withKey.text()).toBe(await without.text());
    });
  });

  it('a GET parameter given twice is a 400 naming it, priced at neither value (no last one wins)', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=ndpr-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=60&per=kg&price=70&format=text',
    );
    const problem = await problemOf(response, 400);
    expect(problem.errors).toEqual([
      { pointer: '/price', parameter: 'price', detail: 'is given more than once' },
    ]);
    expect(problem.detail).toBe('price is given more than once.');
    // An output parameter too: strict=false then strict=true must not answer unstrictly.
    const strict = await problemOf(
      await call(
        '/v1/landed-cost?mineral=ndpr-oxide&origin=CN&asOf=2026-03-01&quantity=1000&unit=kg&price=60&per=kg&strict=false&strict=true',
      ),
      400,
    );
    expect(strict.errors?.map((e) => e.parameter)).toEqual(['strict']);
  });

  it('GET in CNY reported in USD with fxRate', async () => {
    const response = await call(
      '/v1/landed-cost?mineral=nd-oxide&origin=CN&quantity=1000&unit=kg&price=500&currency=CNY&per=kg&fxRate=0.1390&reportingCurrency=USD&transport=air&asOf=2026-11-21&format=text',
    );
    expect(await response.text()).toBe('72312.25');
  });

  it('one entry, two fx rates: the MPF on different terms is two fees, each line clamped on its own', async () => {
    // 20 kg × 50 EUR = 1,000 EUR a line; 0.3464% × 1,000 = 3.464 EUR, below both minimums:
    // 33.58 USD × 0.5 = 16.79 EUR on the first line, × 2 = 67.16 EUR on the second.
    const line = {
      ...ndOxideByAir,
      asOf: '2026-03-01',
      entryId: 'E-2',
      currency: 'EUR',
      quantity: { value: '20', unit: 'kg' },
      price: { amount: '50', currency: 'EUR', per: 'kg' },
    };
    const response = await postJson('/v1/landed-cost/batch', {
      detail: 'full',
      lines: [
        { ...line, fx: { USD: '0.5' } },
        { ...line, fx: { USD: '2' } },
      ],
    });
    const body = (await response.json()) as { results: { result: LandedCost }[] };
    expect(body.results.map((r) => amounts(r.result)['us-mpf-fy2026'])).toEqual(['16.79', '67.16']);
  });

  it('an entry whose lines differ in currency or date is flagged', async () => {
    const line = {
      ...ndOxideByAir,
      entryId: 'E-3',
      quantity: { value: '1', unit: 'kg' },
      price: { amount: '50', per: 'kg' },
    };
    const response = await postJson('/v1/landed-cost/batch', {
      lines: [
        { ...line, asOf: '2026-03-01' },
        { ...line, asOf: '2026-03-02', currency: 'EUR', fx: { USD: '0.9' } },
      ],
    });
    const body = (await response.json()) as { meta: { warnings: { code: string }[] } };
    expect(body.meta.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['entry-currencies', 'entry-dates']),
    );
  });

  it('two what-if measures with one id are a 422 at the second', async () => {
    const problem = await problemOf(
      await postJson('/v1/landed-cost', {
        ...ndOxideByAir,
        quantity: { value: '1', unit: 'kg' },
        price: { amount: '50', per: 'kg' },
        measures: [
          { id: 'wf', kind: 'fee', rate: '0.001', min: '10' },
          { id: 'wf', kind: 'fee', rate: '0.001', min: '20' },
        ],
      }),
      422,
    );
    expect(problem.errors?.map((e) => e.pointer)).toEqual(['/measures/1/id']);
  });

  it('a multi-line entry shares the MPF minimum: 8,000 × 0.3464% = 27.71 → 33.58, split 5:3', async () => {
    const line = {
      mineral: 'nd-oxide',
      origin: 'CN',
      transport: 'air',
      entryId: 'E-1',
      price: { amount: '50', per: 'kg' },
    };
    const response = await postJson('/v1/landed-cost/batch', {
      defaults: { asOf: '2026-03-01' },
      lines: [
        { ...line, quantity: { value: '100', unit: 'kg' } },
        { ...line, quantity: { value: '60', unit: 'kg' } },
      ],
    });
    const body = (await response.json()) as {
      results: { ok: boolean; result: BatchLine }[];
      totals: { fees: string };
    };
    const mpf = (r: BatchLine) => r.lines.find((c) => c.measureId === 'us-mpf-fy2026')?.amount;
    // 33.58 × 5,000 / 8,000 = 20.9875; × 3,000 / 8,000 = 12.5925
    expect(body.results.map((r) => mpf(r.result))).toEqual(['20.99', '12.59']);
    expect(body.totals.fees).toBe('33.58');
  });

  it('a misspelt CSV column is a 400 naming it and the field it was meant as (it would drop freight from every line)', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'mineral,origin,destination,quantity,unit,price,per,frieght\r\nnd-oxide,CN,US,1000,kg,10,kg,5000\r\n',
    });
    const problem = await problemOf(response, 400);
    expect(problem.errors).toEqual([
      {
        pointer: '',
        parameter: 'frieght',
        detail: 'is not a landed-cost column (did you mean "freight"?)',
      },
    ]);
    expect(problem.detail).toBe('frieght is not a landed-cost column (did you mean "freight"?).');
  });

  it('an option of the request as a CSV column is a 400 saying where it goes (a strict column was ignored)', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'mineral,origin,quantity,unit,price,per,Strict,constructor\r\nnd-oxide,CN,1000,kg,10,kg,true,x\r\n',
    });
    const problem = await problemOf(response, 400);
    expect(problem.errors).toEqual([
      {
        pointer: '',
        parameter: 'Strict',
        detail: 'is not a column: give strict=true in the query, for every line',
      },
    ]);
  });

  it('a CSV column named twice is a 400 naming it and both columns (the last price silently won)', async () => {
    const postCsv = (body: string) =>
      call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'text/csv' },
        body,
      });
    const comma = await problemOf(
      await postCsv(
        'mineral,origin,destination,asOf,quantity,unit,price,per,price\r\nndpr-oxide,CN,US,2026-03-01,1000,kg,60,kg,70\r\n',
      ),
      400,
    );
    expect(comma.errors).toEqual([
      { pointer: '', parameter: 'price', detail: 'is given twice in the header (columns 7 and 9)' },
    ]);
    expect(comma.detail).toBe('price is given twice in the header (columns 7 and 9).');
    // A decimal-comma spreadsheet's `;` body is read with the same header rules.
    const semicolon = await problemOf(
      await postCsv(
        'mineral;origin;destination;asOf;quantity;unit;price;per;price\r\nndpr-oxide;CN;US;2026-03-01;1000;kg;60,5;kg;70,5\r\n',
      ),
      400,
    );
    expect(semicolon.errors).toEqual(comma.errors);
    // Without the second price the line stands: 1,000 kg × 60 = 60,000.00, MFN 0; MPF 0.3464% ×
    // 60,000 = 207.84; HMF 0.125% × 60,000 = 75.00; landed 60,000 + 207.84 + 75.00 = 60,282.84.
    const single = await postCsv(
      'mineral,origin,destination,asOf,quantity,unit,price,per\r\nndpr-oxide,CN,US,2026-03-01,1000,kg,60,kg\r\n',
    );
    expect(single.status, await single.clone().text()).toBe(200);
    const [header, row] = (await single.text()).trim().split('\r\n');
    const cells = Object.fromEntries(
      (header ?? '').split(',').map((name, i) => [name, row?.split(',')[i]]),
    );
    expect([cells.customsValue, cells.fees, cells.landedCost, cells.error]).toEqual([
      '60000.00',
      '282.84',
      '60282.84',
      '',
    ]);
  });

  it('CSV column names are one column however written: Price, price and " PRICE" are named three times', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'mineral,origin,destination,asOf,quantity,unit,Price,per,price, PRICE,Notes,notes\r\nndpr-oxide,CN,US,2026-03-01,1000,kg,60,kg,70,80,a,b\r\n',
    });
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = await problemOf(response, 400);
    // Notes and notes are read by no field: ignored, not refused, however often they appear.
    expect(problem.errors).toEqual([
      {
        pointer: '',
        parameter: 'price',
        detail:
          'is given 3 times in the header (columns 7, 9 and 10, as "Price", "price" and "PRICE")',
      },
    ]);
  });

  it('a batch query parameter given twice is a 400 naming it (strict=false&strict=true read its first)', async () => {
    for (const query of ['strict=false&strict=true', 'decimal=point&decimal=comma']) {
      const response = await call(`/v1/landed-cost/batch?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'text/csv' },
        body: 'mineral,origin,destination,asOf,quantity,unit,price,per\r\nndpr-oxide,CN,US,2026-03-01,1000,kg,60,kg\r\n',
      });
      const problem = await problemOf(response, 400);
      const parameter = query.split('=')[0] as string;
      expect(problem.errors).toEqual([
        { pointer: `/${parameter}`, parameter, detail: 'is given more than once' },
      ]);
    }
  });

  it('CSV column names are read in any case, and unrelated columns are ignored (Freight counts, Notes does not)', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: 'Mineral,Origin,Destination,asOf,Quantity,Unit,Price,Per,Freight,Transport,Notes\r\nnd-oxide,CN,US,2026-03-01,1000,kg,10,kg,5000,air,first lot\r\n',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const [header, row] = (await response.text()).trim().split('\r\n');
    const cells = Object.fromEntries(
      (header ?? '').split(',').map((name, i) => [name, row?.split(',')[i]]),
    );
    // US customs value is FOB: 1,000 kg × 10 = 10,000.00; MFN 3.7% = 370.00; MPF 0.3464% × 10,000
    // = 34.64 (above the 33.58 minimum); landed = 10,000 + freight 5,000 + 370 + 34.64 = 15,404.64
    expect([cells.customsValue, cells.freight, cells.duties, cells.fees, cells.landedCost]).toEqual(
      ['10000.00', '5000.00', '370.00', '34.64', '15404.64'],
    );
  });

  it('a blank CSV cell is a field that line does not give (the columns are shared): the line is priced with its defaults', async () => {
    // The same columns for both lines; the first leaves destination, freight, insurance and
    // incoterm blank (US, 0, 0, FOB), the second gives them (a blank cell is not a blank GET
    // parameter, which is a 422).
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body:
        'mineral,origin,destination,asOf,quantity,unit,price,per,incoterm,freight,insurance,transport\r\n' +
        'nd-oxide,CN,,2026-03-01,100,kg,50,kg,,,,air\r\n' +
        'nd-oxide,CN,US,2026-03-01,1000,kg,10,kg,FOB,5000,0,air\r\n',
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    const columns = (header ?? '').split(',');
    const cells = (row: string | undefined) =>
      Object.fromEntries(columns.map((name, i) => [name, row?.split(',')[i]]));
    const picked = rows.map((row) => {
      const c = cells(row);
      return [c.destination, c.customsValue, c.freight, c.duties, c.fees, c.landedCost, c.error];
    });
    expect(picked).toEqual([
      // 100 kg × 50 = 5,000.00; MFN 3.7% = 185.00; MPF 0.3464% × 5,000 = 17.32 → minimum 33.58
      // (air: no HMF); landed = 5,000 + 0 + 185 + 33.58 = 5,218.58
      ['US', '5000.00', '0.00', '185.00', '33.58', '5218.58', ''],
      // 1,000 kg × 10 = 10,000.00 (FOB: freight outside the US customs value); MFN 3.7% = 370.00;
      // MPF 0.3464% × 10,000 = 34.64; landed = 10,000 + 5,000 + 370 + 34.64 = 15,404.64
      ['US', '10000.00', '5000.00', '370.00', '34.64', '15404.64', ''],
    ]);
  });

  it('a CSV batch round trip: a broken row fails alone, with its problem in the error column', async () => {
    const csv =
      '\uFEFFentryId,mineral,origin,destination,asOf,quantity,unit,price,currency,per,transport\r\n' +
      'A,nd-oxide,CN,US,2026-03-01,100,kg,50,USD,kg,air\r\n' +
      'B,nd-oxide,CN,US,2026-03-01,-5,kg,50,USD,kg,air\r\n' +
      '"C",ndfeb-magnet,CN,US,2026-03-01,1000,kg,75,USD,kg,air\r\n';
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'text/csv' },
      body: csv,
    });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await response.text()).trim().split('\r\n');
    expect(rows[0]).toBe(
      'line,entryId,mineral,hts,origin,destination,asOf,quantity,unit,goods,customsValue,valuationBasis,duties,fees,freight,insurance,landedCost,landedPerUnit,landedPerKg,effectiveDutyRate,currency,warnings,error',
    );
    // A: 5,000 + 3.7% 185 + MPF min 33.58 = 5,218.58
    expect(rows[1]).toBe(
      '0,A,nd-oxide,2846.90.80,CN,US,2026-03-01,100,kg,5000.00,5000.00,FOB,185.00,33.58,0.00,0.00,5218.58,52.1858,52.1858,0.037,USD,,',
    );
    expect(rows[2]).toBe('1,B,,,,,,,,,,,,,,,,,,,,,"quantity must not be negative (got ""-5"")."');
    // C: 75,000 + 27.1% 20,325 + MPF 259.80 = 95,584.80 (8505.11.0070 exempt from Section 122)
    expect(rows[3]?.split(',').slice(0, 2)).toEqual(['2', 'C']);
    expect(rows[3]).toContain(',95584.80,');
  });

  // Batch defaults and a line of 100 kg nd-oxide at 50 USD/kg by air from China: 5,218.58 landed.
  const AIR_FROM_CN = {
    origin: 'CN',
    asOf: '2026-03-01',
    transport: 'air',
    price: { amount: '50', per: 'kg' },
  };
  const HUNDRED_KG_ND_OXIDE = { mineral: 'nd-oxide', quantity: { value: '100', unit: 'kg' } };

  it('a JSON batch answers one result or problem per line, with totals over the good ones', async () => {
    const response = await postJson('/v1/landed-cost/batch', {
      defaults: AIR_FROM_CN,
      lines: [HUNDRED_KG_ND_OXIDE, { mineral: 'nd-oxide' }, 42],
    });
    const body = (await response.json()) as {
      results: {
        index: number;
        ok: boolean;
        problem?: { status: number; errors: { pointer: string }[] };
      }[];
      totals: { ok: number; failed: number; landedCost: string };
    };
    expect(body.results.map((r) => r.ok)).toEqual([true, false, false]);
    expect(body.results[1]?.problem?.errors[0]?.pointer).toBe('/lines/1/quantity');
    expect(body.totals).toMatchObject({ ok: 1, failed: 2, landedCost: '5218.58' });
  });

  it('a batch line with a JSON number 1e1 fails alone, at its pointer; the other line stands', async () => {
    const text = rawJson(
      {
        defaults: AIR_FROM_CN,
        lines: [
          HUNDRED_KG_ND_OXIDE,
          { mineral: 'nd-oxide', quantity: { value: '@ten', unit: 'kg' } },
        ],
      },
      { ten: '1e1' },
    );
    const body = (await (await postJson('/v1/landed-cost/batch', text)).json()) as {
      results: { ok: boolean; problem?: { errors: { pointer: string; detail: string }[] } }[];
      totals: { ok: number; failed: number; landedCost: string };
    };
    expect(body.results.map((r) => r.ok)).toEqual([true, false]);
    expect(body.results[1]?.problem?.errors).toEqual([
      {
        pointer: '/lines/1/quantity/value',
        detail:
          'must be written as a plain decimal such as 10.50: exponents are not accepted (got "1e1")',
      },
    ]);
    // The first line alone, as in the batch above: 100 kg × 50 USD/kg by air from China = 5,218.58.
    expect(body.totals).toMatchObject({ ok: 1, failed: 1, landedCost: '5218.58' });
  });

  it('a bad value in defaults is named at /defaults/<field>; a line giving its own value stands', async () => {
    const body = (await (
      await postJson('/v1/landed-cost/batch', {
        lines: [
          { mineral: 'nd-oxide', quantity: { value: '1', unit: 'kg' } },
          { mineral: 'nd-oxide', quantity: { value: 'x', unit: 'kg' }, origin: 'CN' },
          {
            mineral: 'nd-oxide',
            origin: 'CN',
            asOf: '2026-03-01',
            quantity: { value: '1000', unit: 'kg' },
            price: { amount: '150', per: 'kg' },
          },
        ],
        defaults: { origin: 5, price: 'x' },
      })
    ).json()) as {
      results: { ok: boolean; problem?: { errors: { pointer: string }[] }; result?: unknown }[];
      totals: { landedCost: string };
    };
    const pointers = (i: number) =>
      body.results[i]?.problem?.errors.map((e) => e.pointer).sort() ?? [];
    expect(body.results.map((r) => r.ok)).toEqual([false, false, true]);
    expect(pointers(0)).toEqual(['/defaults/origin', '/defaults/price']);
    // The line's own quantity is the line's; the price it takes from defaults is the defaults'.
    expect(pointers(1)).toEqual(['/defaults/price', '/lines/1/quantity/value']);
    // 150,000.00 + MFN 3.7% 5,550.00 + MPF 0.3464% 519.60 + HMF 0.125% 187.50 = 156,257.10
    expect(body.totals.landedCost).toBe('156257.10');
  });

  it('a field of defaults that is no landed-cost field is named at /defaults', async () => {
    const body = (await (
      await postJson('/v1/landed-cost/batch', {
        lines: [{ mineral: 'nd-oxide', quantity: { value: '1', unit: 'kg' } }],
        defaults: { orign: 'CN', origin: 'CN', price: { amount: '1', per: 'kg' } },
      })
    ).json()) as { results: { problem?: { errors: { pointer: string }[] } }[] };
    expect(body.results[0]?.problem?.errors.map((e) => e.pointer)).toEqual(['/defaults/orign']);
  });

  it('a batch over 10,000 lines is a 413', async () => {
    const lines = Array.from({ length: 10_001 }, () => ({}));
    await problemOf(await postJson('/v1/landed-cost/batch', { lines }), 413);
  });

  it('an unterminated CSV quote is a 400', async () => {
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'mineral,origin\r\n"nd-oxide,CN\r\n',
    });
    await problemOf(response, 400);
  });
});

describe('POST /v1/landed-cost reads its query as the GET form and the batch do (strict)', () => {
  // NdPr oxide CN→JP on 2026-12-02: the data has no Japanese tariff for 2846.90.20 and confirms
  // the bloc memberships of CN and JP only until 2026-12-01. Before, the POST ignored its query.
  const ndprToJapan = {
    mineral: 'ndpr-oxide',
    origin: 'CN',
    destination: 'JP',
    asOf: '2026-12-02',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '60', per: 'kg', currency: 'USD' },
  };

  it('strict=true is a 422 listing the uncertain warnings, as "strict": true in the body is; strict=false a 200', async () => {
    const response = await postJson('/v1/landed-cost?strict=true', ndprToJapan);
    const problem = (await problemOf(response, 422)) as { code?: string; warnings?: unknown[] };
    expect(problem.code).toBe('strict');
    const warnings = problem.warnings as { code: string; rowIds?: string[] }[];
    // `classification` is no strict code: not listed.
    expect(warnings.map((w) => [w.code, w.rowIds])).toEqual([
      ['no-tariff-data', undefined],
      ['data-horizon', ['membership:CN', 'membership:JP']],
    ]);
    const body = await postJson('/v1/landed-cost', { ...ndprToJapan, strict: true });
    expect(((await problemOf(body, 422)) as { warnings?: unknown[] }).warnings).toEqual(warnings);
    // strict=false answers (200); it does not undo the body's "strict": true (either is strict)
    const unstrict = await postJson('/v1/landed-cost?strict=false', ndprToJapan);
    expect(unstrict.status).toBe(200);
    const cost = (await unstrict.json()) as LandedCost;
    // 1,000 kg × 60 = 60,000.00 goods; no duty the data knows (coverage none), no JP fees:
    // landed 60,000.00
    expect([cost.landedCost, cost.duties, cost.fees]).toEqual(['60000.00', '0.00', '0.00']);
    const both = await postJson('/v1/landed-cost?strict=false', { ...ndprToJapan, strict: true });
    expect(((await problemOf(both, 422)) as { code?: string }).code).toBe('strict');
  });

  it('an unknown parameter is a 400 naming it (did you mean), a bad value a 422 naming strict, a blank one a 422 saying blank', async () => {
    const unknown = await problemOf(await postJson('/v1/landed-cost?stict=true', ndprToJapan), 400);
    expect(unknown.errors).toEqual([
      {
        pointer: '/stict',
        parameter: 'stict',
        detail: 'is not a parameter of this operation (did you mean "strict"?)',
      },
    ]);
    // JSON is its only answer: decimal (a CSV option) is not a parameter of it.
    const decimal = await problemOf(
      await postJson('/v1/landed-cost?decimal=comma', ndprToJapan),
      400,
    );
    expect(decimal.errors?.map((e) => [e.parameter, e.detail])).toEqual([
      ['decimal', 'is not a parameter of this operation'],
    ]);
    const maybe = await problemOf(await postJson('/v1/landed-cost?strict=maybe', ndprToJapan), 422);
    expect(maybe.errors).toEqual([
      {
        pointer: '/strict',
        parameter: 'strict',
        detail: 'must be one of true, false (got "maybe")',
      },
    ]);
    const blank = await problemOf(await postJson('/v1/landed-cost?strict=', ndprToJapan), 422);
    expect(blank.errors).toEqual([
      {
        pointer: '/strict',
        parameter: 'strict',
        detail:
          'must not be blank: give a value, or leave the parameter out where it has a default',
      },
    ]);
    const twice = await problemOf(
      await postJson('/v1/landed-cost?strict=false&strict=true', ndprToJapan),
      400,
    );
    expect(twice.errors).toEqual([
      { pointer: '/strict', parameter: 'strict', detail: 'is given more than once' },
    ]);
  });

  it('the batch keeps its query (strict, assume, decimal) and now refuses one it does not take', async () => {
    const csv =
      'mineral,origin,destination,asOf,quantity,unit,price,per\r\nndpr-oxide,CN,JP,2026-12-02,1000,kg,60,kg\r\n';
    const batch = (query: string) =>
      call(`/v1/landed-cost/batch?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'text/csv' },
        body: csv,
      });
    // assume=no-duty prints the JP line with its unknown duty as 0: 60000.00 landed, as above
    const assumed = await batch('assume=no-duty&decimal=comma');
    expect(assumed.status).toBe(200);
    expect(await assumed.text()).toContain(';60000,00;');
    const strict = await (await batch('assume=no-duty&strict=true')).text();
    expect(strict).toContain('data-horizon');
    const unknown = await problemOf(await batch('foo=1'), 400);
    expect(unknown.errors?.map((e) => [e.parameter, e.detail])).toEqual([
      ['foo', 'is not a parameter of this operation'],
    ]);
  });
});

describe('what the contract review found (conventions)', () => {
  it('a batch meta carries the data version, date, currency and rounding', async () => {
    const response = await postJson('/v1/landed-cost/batch', {
      defaults: { origin: 'CN', asOf: '2026-03-01', transport: 'air', rounding: 'half-even' },
      lines: [
        {
          mineral: 'nd-oxide',
          quantity: { value: '100', unit: 'kg' },
          price: { amount: '50', per: 'kg' },
        },
      ],
    });
    const body = (await response.json()) as { meta: Record<string, unknown> };
    expect(body.meta).toEqual({
      dataVersion: '2026-12-03.3',
      asOf: '2026-03-01',
      currency: 'USD',
      rounding: 'half-even',
      warnings: [],
    });
  });

  it('a reported measure that is skipped still warns: the G7 floor before it takes effect', async () => {
    const r = await landedCost({
      mineral: 'la-oxide',
      origin: 'CN',
      asOf: '2025-11-01',
      scenario: 'g7-coordinated-floor',
      quantity: { value: '1', unit: 't' },
      price: { amount: '5', per: 'kg' },
    });
    expect(r.explain).toContainEqual(
      expect.objectContaining({
        measureId: 'g7-lree-floor-gap',
        applied: false,
        reason: 'takes effect on 2025-12-01',
      }),
    );
    expect(codes(r)).toContain('reported-figure');
  });

  it('a missing fx rate used twice (MPF min and max) is one problem, not two', async () => {
    const problem = await problemOf(
      await postJson('/v1/landed-cost', {
        mineral: 'nd-oxide',
        origin: 'CN',
        asOf: '2026-03-01',
        currency: 'EUR',
        fx: { CNY: '0.128' },
        quantity: { value: '1', unit: 't' },
        price: { amount: '50', currency: 'CNY', per: 'kg' },
      }),
      422,
    );
    // The US fees are in USD: the MPF minimum and maximum both need the USD rate.
    expect(problem.errors).toEqual([
      {
        pointer: '/fx/USD',
        detail:
          'must be given: a measure on this shipment is in USD (add "fx": { "USD": "<EUR per 1 USD>" })',
      },
    ]);
  });
});

describe('reported parts add up to reported totals (each part rounded once)', () => {
  it('landedCost = goods + freight + insurance + duties + fees as reported (EU magnets, 10,789 kg at 75)', async () => {
    const r = (await (
      await call(
        '/v1/landed-cost?mineral=ndfeb-magnet&origin=EU&quantity=10789&unit=kg&price=75&per=kg&asOf=2026-03-01',
      )
    ).json()) as LandedCost;
    // goods 10,789 × 75 = 809,175.00; MFN 2.1% = 16,992.675 → 16,992.68 = duties. MPF 0.3464% =
    // 2,802.98… → max 651.50; HMF 0.125% = 1,011.46875 → 1,011.47; fees 651.50 + 1,011.47 = 1,662.97.
    expect(amounts(r)).toEqual({
      'us-mfn-8505-11': '16992.68',
      'us-mpf-fy2026': '651.50',
      'us-hmf': '1011.47',
    });
    expect([r.goods, r.duties, r.fees]).toEqual(['809175.00', '16992.68', '1662.97']);
    // 809,175.00 + 16,992.68 + 1,662.97 = 827,830.65 (the exact total 827,830.64375 rounds to .64:
    // the parts as shown add up to .65, and that is what is reported).
    expect(r.landedCost).toBe('827830.65');
  });

  it('duties = Σ duty lines as reported (CN magnets, 0.352951 kg at 75)', async () => {
    const r = (await (
      await call(
        '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=0.352951&unit=kg&price=75&per=kg&asOf=2026-03-01',
      )
    ).json()) as LandedCost;
    // goods 0.352951 × 75 = 26.471325 → 26.47. MFN 2.1% = 0.555897825 → 0.56; s301 25% =
    // 6.61783125 → 6.62. Σ = 7.18 (the exact 7.173729075 is 7.17).
    expect(amounts(r)).toMatchObject({ 'us-mfn-8505-11': '0.56', 'us-301-magnets-2026': '6.62' });
    expect(r.lines.filter((l) => l.kind !== 'fee')).toHaveLength(2);
    expect(r.duties).toBe('7.18');
    // fees: MPF min 33.58 + HMF 0.125% × 26.471325 = 0.0330891… → 0.03 = 33.61;
    // landedCost 26.47 + 7.18 + 33.61 = 67.26.
    expect([r.fees, r.landedCost]).toEqual(['33.61', '67.26']);
  });

  it('batch totals = Σ the lines as reported (two CSV lines of 3 kg nd-oxide at 10.005)', async () => {
    const csv =
      'mineral,origin,quantity,unit,price,per,asOf\n' +
      'nd-oxide,CN,3,kg,10.005,kg,2026-03-01\n' +
      'nd-oxide,CN,3,kg,10.005,kg,2026-03-01\n';
    const response = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', accept: 'application/json' },
      body: csv,
    });
    const batch = (await response.json()) as {
      results: { result: LandedCost }[];
      totals: Record<string, string>;
    };
    // Each line: goods 3 × 10.005 = 30.015 → 30.02; MFN 3.7% = 1.110555 → 1.11; MPF min 33.58 +
    // HMF 0.125% × 30.015 = 0.03751875 → 0.04 = 33.62; landed 30.02 + 1.11 + 33.62 = 64.75.
    for (const { result } of batch.results) {
      expect([result.customsValue, result.duties, result.fees, result.landedCost]).toEqual([
        '30.02',
        '1.11',
        '33.62',
        '64.75',
      ]);
    }
    // Totals: 2 × 30.02 = 60.04 (not 60.03 from the exact 60.030), 2 × 1.11 = 2.22,
    // 2 × 33.62 = 67.24, 2 × 64.75 = 129.50.
    expect(batch.totals).toMatchObject({
      customsValue: '60.04',
      duties: '2.22',
      fees: '67.24',
      landedCost: '129.50',
    });
  });
});

describe('batch detail: lines (default), full, totals', () => {
  const magnets = {
    mineral: 'ndfeb-magnet',
    origin: 'CN',
    asOf: '2026-03-01',
    transport: 'air',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '75', per: 'kg' },
  };

  it('totals say how much of the tariff they rest on: a line into the EU, where the data has no tariff for NdPr, beside a known one makes them partial; EU lines alone none', async () => {
    const ndprIntoEu = { ...magnets, mineral: 'ndpr-oxide', destination: 'EU' };
    const totals = async (lines: unknown[]) => {
      const response = await postJson('/v1/landed-cost/batch', { lines, detail: 'totals' });
      return ((await response.json()) as { totals: { coverage: { tariffs: string } } }).totals;
    };
    expect((await totals([magnets, magnets])).coverage).toEqual({ tariffs: 'complete' });
    expect((await totals([magnets, ndprIntoEu])).coverage).toEqual({ tariffs: 'partial' });
    expect((await totals([ndprIntoEu, ndprIntoEu])).coverage).toEqual({ tariffs: 'none' });
  });

  it('totals over CN→US (complete) and CN→JP (none) lines are partial; all US complete, all JP none; no line standing complete', async () => {
    const us = { ...magnets, mineral: 'ndpr-oxide', destination: 'US' };
    const jp = { ...us, destination: 'JP' };
    const batch = async (lines: unknown[]) => {
      const response = await postJson('/v1/landed-cost/batch', { lines, detail: 'full' });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        results: { result?: { coverage: { tariffs: string } } }[];
        totals: { ok: number; coverage: { tariffs: string } };
      };
    };
    const mixed = await batch([us, jp]);
    expect(mixed.totals.coverage).toEqual({ tariffs: 'partial' });
    // each line keeps its own coverage
    expect(mixed.results.map((r) => r.result?.coverage.tariffs)).toEqual(['complete', 'none']);
    expect((await batch([us, us])).totals.coverage).toEqual({ tariffs: 'complete' });
    expect((await batch([jp, jp])).totals.coverage).toEqual({ tariffs: 'none' });
    // every line failed (an unknown mineral): nothing rests on an unknown duty
    const failed = await batch([{ ...us, mineral: 'no-such-mineral' }]);
    expect(failed.totals).toMatchObject({ ok: 0, coverage: { tariffs: 'complete' } });
  });

  it('an entryId in any script is kept as sent, escaped to ASCII in every detail', async () => {
    const lines = [
      { ...magnets, entryId: 'Größe-Ω' },
      { ...magnets, entryId: 'E-1' },
    ];
    for (const detail of ['lines', 'totals', 'full']) {
      const response = await postJson('/v1/landed-cost/batch', { lines, detail });
      const text = await response.text();
      if (detail !== 'full') {
        expect(/[\u0080-\uffff]/.test(text)).toBe(false);
        expect(text).toContain('"entryId":"Gr\\u00f6\\u00dfe-\\u03a9"');
      }
      const body = JSON.parse(text) as { results: { result: { entryId: string } }[] };
      expect(body.results.map((r) => r.result.entryId)).toEqual(['Größe-Ω', 'E-1']);
    }
  });

  it('lines: each line carries its charges by measure id; labels and legal sources come once', async () => {
    const response = await postJson('/v1/landed-cost/batch', { lines: [magnets, magnets] });
    const text = await response.text();
    // Kept ASCII: the labels' dashes and quotes are escaped, and read back the same.
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    const body = JSON.parse(text) as {
      results: { result: BatchLine & Record<string, unknown> }[];
      lanes: Record<string, { product: { mineral: string }; meta: { asOf: string } }>;
      measures: Record<
        string,
        { label: string; legal: { instrument: string }; confidence: string }
      >;
    };
    const [first, second] = body.results.map((r) => r.result);
    expect(first).toEqual(second);
    expect(first?.lane).toBe('L1');
    expect(Object.keys(body.lanes)).toEqual(['L1']);
    expect(body.lanes.L1?.product.mineral).toBe('ndfeb-magnet');
    expect(body.lanes.L1?.meta.asOf).toBe('2026-03-01');
    // 75,000 customs value: MFN 2.1% = 1,575.00; Section 301 25% = 18,750.00; MPF 0.3464% = 259.80
    expect(first?.customsValue).toBe('75000.00');
    expect(first?.lines).toContainEqual({
      measureId: 'us-mfn-8505-11',
      kind: 'ad-valorem',
      rate: '0.021',
      base: '75000.00',
      amount: '1575.00',
    });
    expect(first?.lines).toContainEqual({
      measureId: 'us-mpf-fy2026',
      kind: 'fee',
      rate: '0.003464',
      base: '75000.00',
      amount: '259.80',
    });
    for (const charge of first?.lines ?? []) {
      expect(body.measures[charge.measureId]?.legal.instrument).toBeTruthy();
      // The single-call answer's lines, less what `measures` gives once.
      expect(Object.keys(charge).sort()).toEqual(
        charge.kind === 'specific'
          ? ['amount', 'base', 'kind', 'measureId']
          : ['amount', 'base', 'kind', 'measureId', 'rate'],
      );
    }
    expect(first).not.toHaveProperty('meta');
  });

  it('full: each result is exactly the single-call answer, formulas included', async () => {
    const single = await (await postJson('/v1/landed-cost', magnets)).json();
    const batch = (await (
      await postJson('/v1/landed-cost/batch', { detail: 'full', lines: [magnets] })
    ).json()) as { results: { result: unknown }[]; lanes?: unknown };
    expect(batch.results[0]?.result).toEqual(single);
    expect(batch.lanes).toBeUndefined();
  });

  it('totals: each result is its lines form without the charges; lanes come once', async () => {
    const body = (await (
      await postJson('/v1/landed-cost/batch', { detail: 'totals', lines: [magnets, magnets] })
    ).json()) as {
      results: { result: Record<string, unknown> }[];
      totals: { landedCost: string };
      lanes: Record<string, { product: { mineral: string }; meta: { warnings: unknown[] } }>;
      measures: Record<string, { label: string }>;
    };
    const lines = (await (
      await postJson('/v1/landed-cost/batch', { lines: [magnets, magnets] })
    ).json()) as typeof body;
    const [first, second] = body.results.map((r) => r.result);
    expect(first).toEqual(second);
    // The lines form, its charges (`lines`) left out: nothing a lane's lines share is repeated.
    const { lines: charges, ...rest } = lines.results[0]?.result ?? {};
    expect(charges).toBeDefined();
    expect(first).toEqual(rest);
    expect(first).not.toHaveProperty('meta');
    expect(first).not.toHaveProperty('product');
    expect(first?.lane).toBe('L1');
    expect(body.lanes).toEqual(lines.lanes);
    expect(body.measures).toEqual(lines.measures);
    // 75,000 customs value; duties 1,575.00 + 18,750.00 (MFN 2.1%, Section 301 25%) = 20,325.00,
    // MPF 259.80: landed 75,000 + 20,325.00 + 259.80 = 95,584.80 a line, 191,169.60 for two.
    expect(first?.landedCost).toBe('95584.80');
    expect(body.totals.landedCost).toBe('191169.60');
  });
});

describe("a batch's meta.warnings says its lanes' warnings once", () => {
  // 1,000 kg at 60 USD/kg from China into the US on 2026-12-03, past the data's horizon: NdPr oxide
  // (2846.90.20 or 2846.90.80: classification) and rare-earth metal (China's No. 57, whose
  // suspension ended 2026-11-10), each by sea and by air: four lanes, L1 to L4 in the order of the
  // lines.
  const ndpr = {
    mineral: 'ndpr-oxide',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-12-03',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '60', currency: 'USD', per: 'kg' },
  };
  const metal = { ...ndpr, mineral: 'ree-metal' };
  const lines = [ndpr, metal, { ...ndpr, transport: 'air' }, { ...metal, transport: 'air' }];
  interface Answer {
    lanes?: Record<string, { meta: { warnings: { code: string }[] } }>;
    meta: {
      warnings: {
        code: string;
        detail: string;
        rowIds?: string[];
        knownUntil?: string;
        lanes?: string[];
      }[];
    };
  }
  const batch = async (body: Record<string, unknown>) => {
    const response = await postJson('/v1/landed-cost/batch', body);
    expect(response.status).toBe(200);
    return (await response.json()) as Answer;
  };
  // seeds/measures.json and memberships.json: every row below is known until 2026-12-01 but
  // cn-export-control-no57, known until 2026-11-10 (the end of its suspension). us-301fl-cn-hk is
  // not charged (its Annex II exempts both lines) but the answer rests on that exemption.
  const horizon = {
    code: 'data-horizon',
    detail:
      'The sources confirm rows this answer uses only until 2026-11-10 (cn-export-control-no57) and 2026-12-01 (cn-export-control-no18, membership:CN, membership:US, us-301fl-cn-hk, us-hmf, us-mfn-2805-30, us-mfn-2846-90-20, us-mpf-fy2027); the answer assumes they still hold as last known.',
    rowIds: [
      'cn-export-control-no18',
      'cn-export-control-no57',
      'membership:CN',
      'membership:US',
      'us-301fl-cn-hk',
      'us-hmf',
      'us-mfn-2805-30',
      'us-mfn-2846-90-20',
      'us-mpf-fy2027',
    ],
    knownUntil: '2026-11-10',
  };
  const suspension = {
    code: 'suspension-ended',
    detail:
      'The suspension of cn-export-control-no57 by MOFCOM Announcement No. 70 [2025] ended on 2026-11-10; whether it was extended is not known, so it is taken to apply again (the legal default).',
    rowIds: ['cn-export-control-no57'],
    knownUntil: '2026-11-10',
  };
  const classification = {
    code: 'classification',
    detail: expect.stringMatching(
      /^ndpr-oxide may be classified under 2846\.90\.20 or 2846\.90\.80;/,
    ),
  };

  for (const detail of ['lines', 'totals'] as const) {
    it(`${detail}: one data-horizon warning for every lane, each other warning once with its lanes`, async () => {
      const body = await batch({ lines, detail });
      // Each lane still says its own.
      expect(
        Object.entries(body.lanes ?? {}).map(([id, l]) => [id, l.meta.warnings.map((w) => w.code)]),
      ).toEqual([
        ['L1', ['classification', 'data-horizon']],
        ['L2', ['data-horizon', 'suspension-ended']],
        ['L3', ['classification', 'data-horizon']],
        ['L4', ['data-horizon', 'suspension-ended']],
      ]);
      expect(body.meta.warnings).toEqual([
        { ...classification, lanes: ['L1', 'L3'] },
        { ...horizon, lanes: ['L1', 'L2', 'L3', 'L4'] },
        { ...suspension, lanes: ['L2', 'L4'] },
      ]);
    });
  }

  it('full: the same warnings, once, without lane ids (the lines have none)', async () => {
    const body = await batch({ lines, detail: 'full' });
    expect(body.meta.warnings).toEqual([classification, horizon, suspension]);
  });

  it("the batch's own warnings come first: lines of two dates", async () => {
    const body = await batch({ lines: [ndpr, { ...ndpr, asOf: '2026-12-02' }], detail: 'totals' });
    expect(body.meta.warnings.map((w) => [w.code, w.lanes])).toEqual([
      ['mixed-dates', undefined],
      ['classification', ['L1', 'L2']],
      ['data-horizon', ['L1', 'L2']],
    ]);
    expect(body.meta.warnings[0]?.detail).toBe(
      "Lines are dated 2026-12-02, 2026-12-03; meta.asOf is the first line's.",
    );
  });

  it('lanes without warnings add none: [] when every lane is clean, a warned lane beside them adds its own', async () => {
    // On 2026-03-01 every row these lanes use is within its horizon and confirmed: Nd oxide
    // (2846.90.80, one line) and NdFeB magnets by air.
    const clean = [
      { ...ndpr, mineral: 'nd-oxide', asOf: '2026-03-01', transport: 'air' },
      { ...ndpr, mineral: 'ndfeb-magnet', asOf: '2026-03-01', transport: 'air' },
    ];
    const cleanOnly = await batch({ lines: clean });
    expect(Object.values(cleanOnly.lanes ?? {}).map((l) => l.meta.warnings)).toEqual([[], []]);
    expect(cleanOnly.meta.warnings).toEqual([]);
    const withNdpr = await batch({ lines: [...clean, { ...ndpr, asOf: '2026-03-01' }] });
    expect(withNdpr.meta.warnings).toEqual([{ ...classification, lanes: ['L3'] }]);
  });
});

describe('landed cost: a scenario floor at no known stage says so', () => {
  it('the G7 light-rare-earth floor on lanthanum oxide ($625/t) carries a stage-unknown warning', async () => {
    // R = 625 × 1.037 = 648.125; g = 20,000 − 648.125 = 19,351.875 → 19,351.88 on 1 t
    const response = await postJson('/v1/landed-cost', {
      mineral: 'la-oxide',
      origin: 'CN',
      asOf: '2026-11-21',
      quantity: { value: '1', unit: 't' },
      price: { amount: '625', currency: 'USD', per: 't' },
      scenario: 'g7-coordinated-floor',
    });
    const body = (await response.json()) as {
      lines: { measureId: string; amount: string }[];
      meta: { warnings: { code: string; rowIds?: string[] }[] };
    };
    expect(body.lines.find((l) => l.measureId === 'g7-lree-floor-gap')?.amount).toBe('19351.88');
    expect(body.meta.warnings).toContainEqual(
      expect.objectContaining({ code: 'stage-unknown', rowIds: ['g7-lree-floor'] }),
    );
  });
});

describe('landed cost: a what-if measure with bad tranche bands', () => {
  it('names the band inside that measure of the request, in a single call and in a batch line', async () => {
    const line = {
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity: { value: '1', unit: 't' },
      price: { amount: '50', per: 'kg' },
      measures: [
        { id: 'other', kind: 'ad-valorem', rate: '0.01' },
        {
          id: 'my-floor',
          kind: 'floor-gap',
          floor: { amount: '60', per: 'kg' },
          method: {
            type: 'tranche',
            bands: [
              { upTo: '0.5', share: '0.3' },
              { upTo: '0.4', share: '0.5' },
              { upTo: null, share: '1' },
            ],
          },
        },
      ],
    };
    const single = await problemOf(await postJson('/v1/landed-cost', line), 422);
    expect(single.errors).toEqual([
      {
        pointer: '/measures/1/method/bands/1/upTo',
        detail: 'must be greater than the previous band’s upTo',
      },
    ]);
    const batch = (await (await postJson('/v1/landed-cost/batch', { lines: [line] })).json()) as {
      results: { ok: boolean; problem?: { errors?: { pointer: string }[] } }[];
    };
    expect(batch.results[0]?.problem?.errors?.[0]?.pointer).toBe(
      '/lines/0/measures/1/method/bands/1/upTo',
    );
  });
});

describe('landed cost: a what-if amount without a currency is in the reporting currency', () => {
  // 100 lb of nd-oxide at 5 EUR/lb from China, reported in EUR with 1 USD = 0.9 EUR: customs
  // value 5 × 100 = 500.00 EUR. /v1/floor-gap reads a Price without a currency the same way.
  const shipment = (measures: unknown[]) => ({
    mineral: 'nd-oxide',
    origin: 'CN',
    asOf: '2026-06-01',
    quantity: { value: '100', unit: 'lb' },
    price: { amount: '5', currency: 'EUR', per: 'lb' },
    currency: 'EUR',
    fx: { USD: '0.9' },
    measures,
  });
  const tranche = (floor: object, trigger: object) => ({
    id: 'my-floor',
    kind: 'floor-gap',
    floor,
    method: { type: 'tranche', trigger },
  });

  it('a tranche floor 9 and trigger 10 per lb are EUR: T = 10, duty 140.00, as /v1/floor-gap answers', async () => {
    // R = 5, T = 10, g = T − R = 5; bands of T: 0 up to 1, 30% of 1..4 = 0.9, 50% of 4..5 = 0.5:
    // d = 1.4 per lb × 100 lb = 140.00 (read as USD, T = 10 × 0.9 = 9: g = 4,
    // d = 0.3 × (3.6 − 0.9) + 0.5 × (4 − 3.6) = 1.01, 101.00)
    const r = await landedCost(
      shipment([tranche({ amount: '9', per: 'lb' }, { amount: '10', per: 'lb' })]),
    );
    expect(amounts(r)['my-floor']).toBe('140.00');
    expect(r.lines.find((l) => l.measureId === 'my-floor')?.formula).toContain('T = 10.0000');
    const floorGap = await postJson('/v1/floor-gap', {
      price: { amount: '5', per: 'lb' },
      floor: { amount: '9', per: 'lb' },
      method: { type: 'tranche', trigger: { amount: '10', per: 'lb' } },
      quantity: { value: '100', unit: 'lb' },
      currency: 'EUR',
      fx: { USD: '0.9' },
    });
    expect(((await floorGap.json()) as { duty: string }).duty).toBe('140.00');
  });

  it('a floor and trigger that name USD are still restated: T = 10 × 0.9 = 9, duty 101.00', async () => {
    // g = 9 − 5 = 4: 0.3 × (3.6 − 0.9) + 0.5 × (4 − 3.6) = 0.81 + 0.2 = 1.01 per lb × 100 lb
    const r = await landedCost(
      shipment([
        tranche(
          { amount: '10', currency: 'USD', per: 'lb' },
          { amount: '10', currency: 'USD', per: 'lb' },
        ),
      ]),
    );
    expect(amounts(r)['my-floor']).toBe('101.00');
  });

  it('a specific duty of 1 per lb and a fee of minimum 7 are EUR: 100.00 and 7.00 (not 90.00, 6.30)', async () => {
    // 1 EUR/lb × 100 lb = 100.00; fee 0% × 500.00 = 0.00, clamped to its minimum 7 EUR = 7.00
    const r = await landedCost(
      shipment([
        { id: 'my-specific', kind: 'specific', amount: { amount: '1', per: 'lb' } },
        { id: 'my-fee', kind: 'fee', rate: '0', min: '7' },
      ]),
    );
    expect([amounts(r)['my-specific'], amounts(r)['my-fee']]).toEqual(['100.00', '7.00']);
  });
});

describe('landed cost: a floor-gap line’s formula holds as written, as /v1/floor-gap’s does', () => {
  it('nd-oxide at 10.00005, what-if floor 16 full gap on the customs value', async () => {
    // R = P = 10.00005 → 10.0001; g = d = 16 − 10.00005 = 5.99995 → 6.0000 (half-up); R + d = 16
    // exactly → 16.0000, the floor (the printed 10.0001 + 6.0000 = 16.0001 is not it, so the
    // formula writes the sum exact); duty on 1,000 kg = 5.99995 × 1,000 = 5,999.95 (the exact d,
    // rounded once).
    const response = await postJson('/v1/landed-cost', {
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity: { value: '1000', unit: 'kg' },
      price: { amount: '10.00005', per: 'kg' },
      measures: [
        {
          id: 'f',
          kind: 'floor-gap',
          floor: { amount: '16', per: 'kg' },
          basis: 'customs-value',
          method: { type: 'full-gap' },
        },
      ],
    });
    const body = (await response.json()) as {
      lines: { measureId: string; amount: string; formula: string }[];
    };
    const line = body.lines.find((l) => l.measureId === 'f');
    expect(line?.amount).toBe('5999.95');
    expect(line?.formula).toContain('max(0, 16.0000 − 10.00005) = 5.99995 (reported 6.0000);');
    // d is rounded once; the duty is the exact d times the quantity, and says so.
    expect(line?.formula).toContain(
      'full gap: d = g = 5.99995 per kg (reported 6.0000); duty = d × 1000 kg = 5,999.95;',
    );
    expect(line?.formula).toContain('R + d = 10.00005 + 5.99995 = 16.0000 per kg ≥ F: floor met');
  });
});

describe('landed cost: a floor-gap line writes its quantity in the floor’s unit exact where it ends, "…" where it is cut', () => {
  const floorLine = async (quantity: Record<string, string>, floorPer: string) => {
    const r = await landedCost({
      mineral: 'nd-oxide',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity,
      price: { amount: '10', per: 'kg' },
      measures: [
        {
          id: 'f',
          kind: 'floor-gap',
          floor: { amount: '16', per: floorPer },
          basis: 'customs-value',
          method: { type: 'full-gap' },
        },
      ],
    });
    return r.lines.find((l) => l.measureId === 'f');
  };

  it('0.1 ozt = 0.1 × 0.0311034768 = 0.00311034768 kg ends at 11 places: written whole, not 0.0031103477', async () => {
    // d = 16 − 10 = 6 per kg; duty 6 × 0.00311034768 = 0.01866208608 → 0.02
    const line = await floorLine({ value: '0.1', unit: 'ozt' }, 'kg');
    expect(line?.amount).toBe('0.02');
    expect(line?.formula).toContain('duty = d × 0.00311034768 kg = 0.02;');
  });

  it('1 kg = 1 / 0.45359237 = 2.20462262184… lb does not end: cut to 10 places and marked "…"', async () => {
    // per lb: R = 10 × 0.45359237 = 4.5359237, d = 16 − 4.5359237 = 11.4640763; duty on
    // 1 / 0.45359237 lb = 16 / 0.45359237 − 10 = 35.2739619… − 10 = 25.2739619… → 25.27
    const line = await floorLine({ value: '1', unit: 'kg' }, 'lb');
    expect(line?.amount).toBe('25.27');
    expect(line?.formula).toContain('duty = d × 2.2046226218… lb = 25.27;');
  });
});

describe('effectiveDutyRate = duties / customsValue: null when the customs value is 0', () => {
  // Magnets from China by air on 2026-03-01 at a price of 0: customs value 0 × 1,000 = 0.00;
  // MFN 2.1% × 0 = 0.00, Section 301 25% × 0 = 0.00: duties 0.00, and 0.00 / 0.00 is no rate.
  const atZero = {
    ...magnets,
    transport: 'air',
    asOf: '2026-03-01',
    quantity: { value: '1000', unit: 'kg' },
    price: { amount: '0', per: 'kg' },
  };
  const zeroQuery =
    '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=0&per=kg&asOf=2026-03-01&transport=air';

  it('price 0: customs value 0.00, duties 0.00, effectiveDutyRate null', async () => {
    const r = (await landedCost(atZero)) as Omit<LandedCost, 'effectiveDutyRate'> & {
      effectiveDutyRate: string | null;
    };
    expect([r.customsValue, r.duties, r.effectiveDutyRate]).toEqual(['0.00', '0.00', null]);
  });

  it('quantity 0: customs value 75 × 0 = 0.00, effectiveDutyRate null', async () => {
    const r = (await (
      await postJson('/v1/landed-cost', {
        ...atZero,
        price: { amount: '75', per: 'kg' },
        quantity: { value: '0', unit: 'kg' },
      })
    ).json()) as { customsValue: string; effectiveDutyRate: string | null };
    expect([r.customsValue, r.effectiveDutyRate]).toEqual(['0.00', null]);
  });

  it('a specific duty on a customs value of 0: duties 2 × 1,000 = 2,000.00, and 2,000.00 / 0 is no rate either', async () => {
    const r = (await (
      await postJson('/v1/landed-cost', {
        ...atZero,
        measures: [
          { id: 'what-if-specific', kind: 'specific', amount: { amount: '2', per: 'kg' } },
        ],
      })
    ).json()) as { customsValue: string; duties: string; effectiveDutyRate: string | null };
    expect([r.customsValue, r.duties, r.effectiveDutyRate]).toEqual(['0.00', '2000.00', null]);
  });

  it('CSV prints an empty cell and text "none", as every null', async () => {
    const [header, row] = (await (await call(`${zeroQuery}&format=csv`)).text())
      .trim()
      .split('\r\n');
    const columns = header?.split(',') ?? [];
    expect(row?.split(',')[columns.indexOf('effectiveDutyRate')]).toBe('');
    expect(row?.split(',')[columns.indexOf('duties')]).toBe('0.00');
    const text = await call(`${zeroQuery}&format=text&field=effectiveDutyRate`);
    expect(text.status).toBe(200);
    expect(await text.text()).toBe('none');
  });

  it('batch lines (every detail, and CSV) and compare say null too', async () => {
    for (const detail of ['lines', 'full', 'totals']) {
      const batch = (await (
        await postJson('/v1/landed-cost/batch', { detail, lines: [atZero] })
      ).json()) as { results: { result: { effectiveDutyRate: string | null } }[] };
      expect({ detail, rate: batch.results[0]?.result.effectiveDutyRate }).toEqual({
        detail,
        rate: null,
      });
    }
    const csv = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ lines: [atZero] }),
    });
    const [header, row] = (await csv.text()).trim().split('\r\n');
    expect(row?.split(',')[(header?.split(',') ?? []).indexOf('effectiveDutyRate')]).toBe('');
    const compared = (await (
      await postJson('/v1/landed-cost/compare', {
        shipment: atZero,
        variants: [
          { label: 'March', asOf: '2026-03-01' },
          { label: 'August', asOf: '2026-08-01' },
        ],
      })
    ).json()) as { variants: { result: { effectiveDutyRate: string | null } }[] };
    expect(compared.variants.map((v) => v.result.effectiveDutyRate)).toEqual([null, null]);
    const compareCsv = await call(
      '/v1/landed-cost/compare?mineral=ndfeb-magnet&origin=CN&quantity=1000&unit=kg&price=0&per=kg&asOf=2026-03-01,2026-08-01&transport=air&format=csv',
    );
    const [head, march] = (await compareCsv.text()).trim().split('\r\n');
    expect(march?.split(',')[(head?.split(',') ?? []).indexOf('effectiveDutyRate')]).toBe('');
  });
});

describe('landedPerUnit and landedPerKg = landedCost / quantity: null when the quantity is 0', () => {
  // 0 kg of magnets from China by air on 2026-03-01 at 50 USD/kg: goods 50 × 0 = 0.00, customs
  // value 0.00; MFN 2.1% × 0 = 0.00, Section 301 25% × 0 = 0.00: duties 0.00; MPF 0.3464% × 0 =
  // 0.00 → its FY2026 minimum 33.58; no HMF by air: fees 33.58. landedCost 0.00 + 0.00 + 33.58 =
  // 33.58, and 33.58 / 0 kg is no cost per kg: null, never 0.0000.
  const noneShipped = {
    ...magnets,
    transport: 'air',
    asOf: '2026-03-01',
    quantity: { value: '0', unit: 'kg' },
    price: { amount: '50', currency: 'USD', per: 'kg' },
    freight: '0',
    insurance: '0',
  };
  // The GET form the review called, ocean by default: HMF 0.125% × 0 = 0.00 (no minimum), so
  // fees are the MPF minimum 33.58 alone and landedCost 33.58 again.
  const zeroQuery =
    '/v1/landed-cost?mineral=ndfeb-magnet&origin=CN&asOf=2026-03-01&quantity=0&unit=kg&price=50&per=kg';
  type PerUnit = { landedCost: string; landedPerUnit: string | null; landedPerKg: string | null };
  const perUnit = (r: PerUnit) => [r.landedCost, r.landedPerUnit, r.landedPerKg];
  const cell = (csv: string, column: string) => {
    const [header, row] = csv.trim().split('\r\n');
    return row?.split(',')[(header?.split(',') ?? []).indexOf(column)];
  };

  it('0 kg: goods 0.00, duties 0.00, fees 33.58 (the MPF minimum), landed 33.58, per kg null', async () => {
    const r = (await (await postJson('/v1/landed-cost', noneShipped)).json()) as LandedCost &
      PerUnit;
    expect([r.goods, r.duties, r.fees, r.effectiveDutyRate]).toEqual([
      '0.00',
      '0.00',
      '33.58',
      null,
    ]);
    expect(perUnit(r)).toEqual(['33.58', null, null]);
  });

  it('0 lb: 0 × 0.45359237 = 0 kg too, so landedPerKg is null as well as landedPerUnit', async () => {
    const r = (await (
      await postJson('/v1/landed-cost', { ...noneShipped, quantity: { value: '0', unit: 'lb' } })
    ).json()) as PerUnit;
    expect(perUnit(r)).toEqual(['33.58', null, null]);
  });

  it('CSV leaves both cells empty and text reads "none", as every null', async () => {
    const csv = await (await call(`${zeroQuery}&format=csv`)).text();
    expect(['landedCost', 'landedPerUnit', 'landedPerKg'].map((c) => cell(csv, c))).toEqual([
      '33.58',
      '',
      '',
    ]);
    for (const field of ['landedPerUnit', 'landedPerKg']) {
      const text = await call(`${zeroQuery}&format=text&field=${field}`);
      expect({ field, status: text.status, body: await text.text() }).toEqual({
        field,
        status: 200,
        body: 'none',
      });
    }
    const json = (await (await call(zeroQuery)).json()) as PerUnit;
    expect(perUnit(json)).toEqual(['33.58', null, null]);
  });

  it('a batch says null in every detail and CSV, and its totals still add the lines up', async () => {
    // The second line: 1,000 kg × 50 = 50,000.00; duties 2.1% 1,050.00 + 25% 12,500.00 =
    // 13,550.00; MPF 0.3464% × 50,000 = 173.20 (between 33.58 and 651.50); landed 50,000.00 +
    // 13,550.00 + 173.20 = 63,723.20, per kg 63,723.20 / 1,000 = 63.7232.
    // Totals: landed 33.58 + 63,723.20 = 63,756.78; per-unit figures are not summed.
    const shipped = { ...noneShipped, quantity: { value: '1000', unit: 'kg' } };
    for (const detail of ['lines', 'full', 'totals']) {
      const batch = (await (
        await postJson('/v1/landed-cost/batch', { detail, lines: [noneShipped, shipped] })
      ).json()) as {
        results: { result: PerUnit }[];
        totals: { landedCost: string; fees: string };
      };
      expect({ detail, lines: batch.results.map((l) => perUnit(l.result)) }).toEqual({
        detail,
        lines: [
          ['33.58', null, null],
          ['63723.20', '63.7232', '63.7232'],
        ],
      });
      // Fees 33.58 + 173.20 = 206.78.
      expect([batch.totals.fees, batch.totals.landedCost]).toEqual(['206.78', '63756.78']);
    }
    const csv = await call('/v1/landed-cost/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/csv' },
      body: JSON.stringify({ lines: [noneShipped] }),
    });
    const text = await csv.text();
    expect(['landedCost', 'landedPerUnit', 'landedPerKg'].map((c) => cell(text, c))).toEqual([
      '33.58',
      '',
      '',
    ]);
  });

  it('compare: each variant null, and the deltas still there (0.00: both dates charge the MPF minimum 33.58 alone)', async () => {
    const compared = (await (
      await postJson('/v1/landed-cost/compare', {
        shipment: noneShipped,
        variants: [
          { label: 'March', asOf: '2026-03-01' },
          { label: 'August', asOf: '2026-08-01' },
        ],
      })
    ).json()) as { variants: { result: PerUnit; deltas: { landedCost: string } }[] };
    expect(compared.variants.map((v) => [...perUnit(v.result), v.deltas.landedCost])).toEqual([
      ['33.58', null, null, '0.00'],
      ['33.58', null, null, '0.00'],
    ]);
  });
});

describe('the ratios divide the printed figures: landedPerUnit × quantity gives back landedCost', () => {
  // 1 kg of Nd oxide (2846.90.80) from China by air on 2026-03-01 at 10.005 USD/kg: goods 10.005
  // → 10.01 (half-up), customs value 10.01; MFN 3.7% × 10.005 = 0.370185 → 0.37; MPF 0.3464% ×
  // 10.005 = 0.0346… → its FY2026 minimum 33.58; no HMF by air. landedCost = 10.01 + 0.37 + 33.58
  // = 43.96 (the exact sum, 10.005 + 0.370185 + 33.58 = 43.955185, would print 43.9552 per kg).
  const query =
    '/v1/landed-cost?mineral=nd-oxide&origin=CN&quantity=1&unit=kg&price=10.005&per=kg&asOf=2026-03-01&transport=air';
  type Ratios = {
    customsValue: string;
    duties: string;
    landedCost: string;
    landedPerUnit: string | null;
    landedPerKg: string | null;
    effectiveDutyRate: string | null;
  };
  const ratios = (r: Ratios) => [
    r.customsValue,
    r.duties,
    r.landedCost,
    r.landedPerUnit,
    r.landedPerKg,
    r.effectiveDutyRate,
  ];

  it('43.96 landed on 1 kg is 43.9600 per kg; 0.37 / 10.01 = 0.0369630… → 0.036963', async () => {
    const r = (await (await call(query)).json()) as Ratios;
    expect(ratios(r)).toEqual(['10.01', '0.37', '43.96', '43.9600', '43.9600', '0.036963']);
  });

  it('per t: 1.5 t at 10.005 USD/kg → goods 15,007.50; MFN 3.7% = 555.2775 → 555.28; MPF 0.3464% = 51.9859… → 51.99; landed 15,614.77 = 10,409.8467 per t (15,614.77 / 1.5 = 10,409.846666…) and 10.4098 per kg (/ 1,500 = 10.409846…)', async () => {
    const r = (await (
      await call(query.replace('quantity=1&unit=kg', 'quantity=1.5&unit=t'))
    ).json()) as Ratios;
    // 555.28 / 15,007.50 = 0.0370001… → 0.037
    expect(ratios(r)).toEqual(['15007.50', '555.28', '15614.77', '10409.8467', '10.4098', '0.037']);
  });

  it('0.001 kg at 4.6 USD/kg: customs value 0.0046 prints 0.00, so no rate (null); landed 33.58 (the MPF minimum) / 0.001 = 33,580.0000 per kg', async () => {
    const r = (await (
      await call(
        '/v1/landed-cost?mineral=nd-oxide&origin=CN&quantity=0.001&unit=kg&price=4.6&per=kg&asOf=2026-03-01',
      )
    ).json()) as Ratios;
    expect(ratios(r)).toEqual(['0.00', '0.00', '33.58', '33580.0000', '33580.0000', null]);
  });

  /** The CSV row of a one-line batch, cell by column name. */
  const batchCsvRow = async (line: object): Promise<Record<string, string | undefined>> => {
    const csv = await (
      await call('/v1/landed-cost/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/csv' },
        body: JSON.stringify({ lines: [line] }),
      })
    ).text();
    const [header, row] = csv.trim().split('\r\n');
    const cells = row?.split(',') ?? [];
    return Object.fromEntries((header?.split(',') ?? []).map((c, i) => [c, cells[i]]));
  };

  it('a batch line and its CSV row print the same ratios as the single call', async () => {
    const line = {
      mineral: 'nd-oxide',
      origin: 'CN',
      transport: 'air',
      asOf: '2026-03-01',
      quantity: { value: '1', unit: 'kg' },
      price: { amount: '10.005', currency: 'USD', per: 'kg' },
    };
    const batch = (await (await postJson('/v1/landed-cost/batch', { lines: [line] })).json()) as {
      results: { result: Ratios }[];
    };
    expect(ratios(batch.results[0]?.result as Ratios)).toEqual([
      '10.01',
      '0.37',
      '43.96',
      '43.9600',
      '43.9600',
      '0.036963',
    ]);
    const cells = await batchCsvRow(line);
    expect([cells.landedCost, cells.landedPerUnit, cells.effectiveDutyRate]).toEqual([
      '43.96',
      '43.9600',
      '0.036963',
    ]);
  });

  it('each CSV column of a batch row holds the field of the same name in the JSON answer', async () => {
    // Figures that all differ, so a cell written under another column's name cannot pass.
    const line = {
      entryId: 'E-7',
      mineral: 'ndfeb-magnet',
      origin: 'CN',
      asOf: '2026-03-01',
      quantity: { value: '120', unit: 'kg' },
      price: { amount: '45.5', currency: 'USD', per: 'kg' },
      freight: '310',
      insurance: '27',
      incoterm: 'FOB',
    };
    const json = (await (
      await postJson('/v1/landed-cost/batch', { lines: [line], detail: 'full' })
    ).json()) as { results: { result: LandedCostResponse }[] };
    const r = json.results[0]?.result as LandedCostResponse;
    expect(await batchCsvRow(line)).toEqual({
      line: '0',
      entryId: 'E-7',
      mineral: r.product.mineral,
      hts: r.product.hts,
      origin: 'CN',
      destination: r.lane.destination,
      asOf: '2026-03-01',
      quantity: '120',
      unit: 'kg',
      // 120 kg × 45.5 = 5,460.00; FOB: customs value 5,460.00 (the US values FOB).
      goods: '5460.00',
      customsValue: '5460.00',
      valuationBasis: r.valuationBasis,
      duties: r.duties,
      fees: r.fees,
      freight: '310.00',
      insurance: '27.00',
      landedCost: r.landedCost,
      landedPerUnit: r.landedPerUnit,
      landedPerKg: r.landedPerKg,
      effectiveDutyRate: r.effectiveDutyRate,
      currency: 'USD',
      warnings: r.meta.warnings.map((w) => w.code).join(' '),
      error: '',
    });
    // And the parts are the ones the landed cost adds up (5,460.00 + 310.00 + 27.00 + duties + fees).
    expect(new Oracle(r.landedCost).toFixed(2)).toBe(
      new Oracle('5797.00').plus(r.duties).plus(r.fees).toFixed(2),
    );
  });

  it('law (fast-check, seed 7): for any price, quantity and unit, landedPerUnit, landedPerKg and effectiveDutyRate are the printed landedCost / quantity and duties / customsValue, rounded once half-up (decimal.js the oracle)', async () => {
    const KG = { kg: '1', t: '1000', lb: '0.45359237' } as const;
    const cents = fc.integer({ min: 1, max: 50_000_000 }).map((n) => new Oracle(n).div(100));
    const milli = fc.integer({ min: 1, max: 5_000_000 }).map((n) => new Oracle(n).div(1000));
    await fc.assert(
      fc.asyncProperty(
        cents,
        milli,
        fc.constantFrom('kg', 't', 'lb'),
        fc.constantFrom('ocean', 'air'),
        async (price, quantity, unit, transport) => {
          const r = (await (
            await call(
              `/v1/landed-cost?mineral=nd-oxide&origin=CN&asOf=2026-03-01&price=${price.toFixed()}&per=kg&quantity=${quantity.toFixed()}&unit=${unit}&transport=${transport}`,
            )
          ).json()) as Ratios;
          const landed = new Oracle(r.landedCost);
          const value = new Oracle(r.customsValue);
          const at4 = (x: Oracle) => x.toDecimalPlaces(4, Oracle.ROUND_HALF_UP).toFixed(4);
          const rate = value.isZero()
            ? null
            : new Oracle(r.duties).div(value).toDecimalPlaces(6, Oracle.ROUND_HALF_UP).toFixed();
          expect([r.landedPerUnit, r.landedPerKg, r.effectiveDutyRate]).toEqual([
            at4(landed.div(quantity)),
            at4(landed.div(quantity.times(KG[unit]))),
            rate,
          ]);
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});

describe('a floor-gap line after a specific duty: R on the duty-paid basis is exact, so ties round as the mode says', () => {
  // 100 kg of NdPr oxide (2846.90.20, MFN free) from China on 2026-11-21 at 7 USD/kg: customs
  // value 700.00. A what-if specific duty of 1.00015 USD/kg: 100.015 → 100.02 (half-up; half-even
  // too, 1 being odd). Then a full-gap floor of 16 USD/kg on the duty-paid basis: R = (700 +
  // 100.015) / 100 = 8.00015 exactly (r = 100.015 / 700 does not terminate, and R as P × (1 + r)
  // carried fell a hair under 8.00015); d = 16 − 8.00015 = 7.99985; duty 799.985 on 100 kg.
  const request = (rounding: string) => ({
    mineral: 'ndpr-oxide',
    origin: 'CN',
    asOf: '2026-11-21',
    quantity: { value: '100', unit: 'kg' },
    price: { amount: '7', per: 'kg' },
    rounding,
    measures: [
      { id: 'what-if-specific', kind: 'specific', amount: { amount: '1.00015', per: 'kg' } },
      {
        id: 'what-if-floor',
        kind: 'floor-gap',
        floor: { amount: '16', per: 'kg' },
        basis: 'duty-paid',
        method: { type: 'full-gap' },
      },
    ],
  });
  const floorLine = async (rounding: string) => {
    const r = (await (await postJson('/v1/landed-cost', request(rounding))).json()) as LandedCost;
    const line = r.lines.find((l) => l.measureId === 'what-if-floor');
    return [amounts(r)['what-if-specific'], line?.amount, r.duties, line?.formula];
  };

  it('half-even: 799.985 → 799.98 (8 is even), R 8.00015 → 8.0002, d 7.99985 → 7.9998; duties 0.00 + 100.02 + 799.98 = 900.00', async () => {
    const [specific, amount, duties, formula] = await floorLine('half-even');
    expect([specific, amount, duties]).toEqual(['100.02', '799.98', '900.00']);
    expect(formula).toContain('= 8.00015 per kg (reported 8.0002)');
    expect(formula).toContain('d = g = 7.99985 per kg (reported 7.9998)');
  });

  it('the formula writes R as the sum it is: (700 + 100.015) / 100 kg, since 7 × (1 + r) with r = 100.015 / 700 = 0.142878571… does not give 8.00015 as written', async () => {
    const [, , , formula] = await floorLine('half-even');
    expect(formula).toMatch(
      /^R = \(customs value \+ duties so far\) \/ quantity = \(700 \+ 100\.015\) \/ 100 kg = 8\.00015 per kg \(reported 8\.0002\); /,
    );
  });

  it('a price of 0: R is the specific duty alone, (0 + 100.015) / 100 kg = 1.00015 (r, a quotient of 0, would say 0); d = 16 − 1.00015 = 14.99985, duty 1,499.985 → 1,499.99 (half-up)', async () => {
    const r = (await (
      await postJson('/v1/landed-cost', {
        ...request('half-up'),
        price: { amount: '0', per: 'kg' },
      })
    ).json()) as LandedCost;
    const line = r.lines.find((l) => l.measureId === 'what-if-floor');
    expect([amounts(r)['what-if-specific'], line?.amount]).toEqual(['100.02', '1499.99']);
    expect(line?.formula).toContain(
      'R = (customs value + duties so far) / quantity = (0 + 100.015) / 100 kg = 1.00015 per kg (reported 1.0002)',
    );
  });

  it('half-up: 799.985 → 799.99, d 7.99985 → 7.9999; duties 100.02 + 799.99 = 900.01', async () => {
    const [specific, amount, duties, formula] = await floorLine('half-up');
    expect([specific, amount, duties]).toEqual(['100.02', '799.99', '900.01']);
    expect(formula).toContain('d = g = 7.99985 per kg (reported 7.9999)');
  });
});

describe('landed cost: what-if floor-gap measures priced as /v1/floor-gap prices them', () => {
  // 1,234 kg of NdFeB magnets from China at 37.77 USD/kg FOB, 2026-06-01: customs value
  // 37.77 × 1,234 = 46,608.18; MFN 2.1% = 978.77178 → 978.77; Section 301 25% = 11,652.045 →
  // 11,652.05; MPF 0.3464% = 161.45; HMF 0.125% = 58.26.
  const magnetsAt3777 = {
    mineral: 'ndfeb-magnet',
    origin: 'CN',
    destination: 'US',
    asOf: '2026-06-01',
    quantity: { value: '1234', unit: 'kg' },
    price: { amount: '37.77', currency: 'USD', per: 'kg' },
  };
  const trancheAt60 = (method: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...magnetsAt3777,
    measures: [
      {
        id: 'wi',
        kind: 'floor-gap',
        floor: { amount: '60', currency: 'USD', per: 'kg' },
        method: { type: 'tranche', ...method },
        ...extra,
      },
    ],
  });

  it('a tranche what-if defaults to the customs-value basis, as /v1/floor-gap does: R = 37.77, not the duty-paid 48.00567', async () => {
    // R = P = 37.77; g = 60 − 37.77 = 22.23 = 0.3705 T (T = F = 60), in the band (0.10T, 0.40T]
    // = (6, 24]: d = 0.30 × (22.23 − 6) = 4.869/kg; duty 4.869 × 1,234 = 6,008.346 → 6,008.35.
    // duties 978.77 + 11,652.05 + 6,008.35 = 18,639.17 (was 2,219.10 on R = 48.00567).
    const r = await landedCost(trancheAt60({}));
    const line = r.lines.find((l) => l.measureId === 'wi') as Line & { basis: string };
    expect([line.basis, line.amount, r.duties]).toEqual(['customs value', '6008.35', '18639.17']);
    expect(line.formula).toMatch(/^R = P = 37\.7700 per kg; /);
    const floorGap = (await (
      await postJson('/v1/floor-gap', {
        price: { amount: '37.77', per: 'kg' },
        floor: { amount: '60', per: 'kg' },
        quantity: { value: '1234', unit: 'kg' },
        method: { type: 'tranche' },
      })
    ).json()) as { basis: string; duty: string };
    expect([floorGap.basis, floorGap.duty]).toEqual(['customs-value', '6008.35']);
    // Any other method keeps the duty-paid default: full gap R = 37.77 × 1.271 = 48.00567 (the
    // sum (46,608.18 + 978.77178 + 11,652.045) / 1,234 = 48.00567), d = 60 − 48.00567 = 11.99433,
    // duty 11.99433 × 1,234 = 14,801.00322 → 14,801.00.
    const fullGap = await landedCost(trancheAt60({ type: 'full-gap' }));
    expect(amounts(fullGap).wi).toBe('14801.00');
  });

  it('a tranche trigger T other than the floor is priced: T = 70 gives 10,384.11, not the 6,008.35 of T = F = 60', async () => {
    // R = 37.77; T − R = 70 − 37.77 = 32.23 = 0.4604 T, in the band (0.40T, 0.60T] = (28, 42]:
    // d = 0.50 × (32.23 − 28) + 0.09 × 70 = 2.115 + 6.3 = 8.415/kg; 8.415 × 1,234 = 10,384.11.
    // duties 978.77 + 11,652.05 + 10,384.11 = 23,014.93.
    const r = await landedCost(
      trancheAt60(
        { trigger: { amount: '70', currency: 'USD', per: 'kg' } },
        { basis: 'customs-value' },
      ),
    );
    const line = r.lines.find((l) => l.measureId === 'wi');
    expect([line?.amount, r.duties]).toEqual(['10384.11', '23014.93']);
    expect(line?.formula).toContain('T = 70.0000: d = 8.4150 per kg;');
    // the gap the line states is the trigger's, T − R = 70 − 37.77 = 32.23 (not F − R = 22.23)
    expect(line?.formula).toContain('g = max(0, T − R) = max(0, 70.0000 − 37.7700) = 32.2300;');
    // The trigger in its own unit and currency: 70,000 USD/t and 50 EUR/kg at 1.4 USD are 70 USD/kg.
    for (const trigger of [
      { amount: '70000', currency: 'USD', per: 't' },
      { amount: '50', currency: 'EUR', per: 'kg' },
    ]) {
      const other = await landedCost({ ...trancheAt60({ trigger }), fx: { EUR: '1.4' } });
      expect(amounts(other).wi).toBe('10384.11');
    }
  });

  it('a producer-contract benchmark priced as a border floor warns not-a-border-floor, as /v1/floor-gap does', async () => {
    // 10,000 kg NdPr oxide at 62 USD/kg (2846.90.20, free): R = 62, g = 110 − 62 = 48/kg,
    // duty 48 × 10,000 = 480,000.00, with the warning.
    const r = await landedCost({
      mineral: 'ndpr-oxide',
      origin: 'CN',
      destination: 'US',
      asOf: '2026-06-01',
      quantity: { value: '10000', unit: 'kg' },
      price: { amount: '62', currency: 'USD', per: 'kg' },
      measures: [{ id: 'wi', kind: 'floor-gap', benchmark: 'dod-ndpr-floor' }],
    });
    expect(amounts(r).wi).toBe('480000.00');
    const warning = r.meta.warnings.find((w) => w.code === 'not-a-border-floor');
    expect(warning?.rowIds).toEqual(['dod-ndpr-floor']);
    expect(warning?.detail).toContain(
      "the contract's government top-up leaves buyers' prices unchanged",
    );
  });

  it('a cap is no floor: 422 at the benchmark of that measure, as /v1/floor-gap answers', async () => {
    const problem = await problemOf(
      await postJson('/v1/landed-cost', {
        mineral: 'dy-oxide',
        origin: 'CN',
        destination: 'US',
        asOf: '2026-06-01',
        quantity: { value: '10000', unit: 'kg' },
        price: { amount: '1000', currency: 'USD', per: 'kg' },
        measures: [
          { id: 'duty', kind: 'ad-valorem', rate: '0.01' },
          { id: 'wi', kind: 'floor-gap', benchmark: 'g7-hree-cap' },
        ],
      }),
      422,
    );
    expect(problem.errors).toEqual([
      { pointer: '/measures/1/benchmark', detail: 'g7-hree-cap is a cap, not a floor' },
    ]);
  });
});
