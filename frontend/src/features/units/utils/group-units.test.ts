import { describe, expect, it } from 'vitest';

import type { Unit } from '@/lib/api/types';
import { units } from '@/testing/fixtures';

import { groupUnitsByProvince } from './group-units';

describe('grouping units by province', () => {
  it('puts national units apart and each regency or city under its province, by name', () => {
    const { national, provinces } = groupUnitsByProvince(units);

    expect(national.map((u) => u.code)).toEqual(['0000']);
    expect(provinces.map((g) => [g.province?.code, g.units.map((u) => u.code)])).toEqual([
      ['3300', ['3304', '3375']],
      ['6500', ['6571']],
    ]);
  });

  it('collects units whose province is unknown in a last group', () => {
    const lonely: Unit = { code: '1808', name: 'BPS Kabupaten Tulang Bawang', kind: 'regency', parent_code: '1800', time_zone: 'Asia/Jakarta', offers_consultations: true };

    const { provinces } = groupUnitsByProvince([...units, lonely]);

    expect(provinces.at(-1)).toEqual({ province: null, units: [lonely] });
  });
});
