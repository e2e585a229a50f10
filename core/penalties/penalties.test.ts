import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contestLetterParagraphs } from './letter.ts';
import { checkNotice, contestDeadline, dueState, type NoticeContext, type NoticeFacts } from './notice.ts';
import { allocate, LEGAL_FRAME, type PenaltyClause, type PenaltyLine, penalty } from './penalty.ts';

// Cap Marché's logistics agreement (demo data set): 10 % of the missing value, 120 € per late delivery, 97 % target.
const capMarche: PenaltyClause = {
  contractRef: 'Convention logistique Cap Marché 2026',
  latePerDayCents: null,
  lateFlatCents: 12000,
  missingValueBp: 1000,
  incidentFlatCents: 20000,
  serviceRateTargetBp: 9700,
  serviceRateToleranceBp: 0,
  contestPeriodDays: 15,
  backordersAccepted: false,
  l441Applicable: true,
};
const line = (
  productCode: string,
  category: string,
  quantity: number,
  unitPriceCents: number,
  delivered: number | null = quantity,
): PenaltyLine => ({
  productCode,
  category,
  orderedQuantity: quantity,
  expectedQuantity: quantity,
  deliveredQuantity: delivered,
  unitPriceCents,
});
// CDE-202511-0013: 40 of 96 icing sugar packs missing.
const shortSugar = [
  line('FAR-T45-1KG', 'FARINES_CONSO', 160, 720),
  line('SUC-CRI-1KG', 'SUCRES_CONSO', 180, 940),
  line('SUC-POU-1KG', 'SUCRES_CONSO', 180, 970),
  line('SUC-GLA-500', 'SUCRES_CONSO', 96, 1260, 56),
  line('SUC-CAS-500', 'SUCRES_CONSO', 64, 1860),
];

describe('penalty(delivery, clause)', () => {
  it('charges 10 % of the missing value on a line below the service rate, under a cap of 2 % of the category ordered', () => {
    const e = penalty(
      { promisedDate: '2025-11-19', deliveredDate: '2025-11-19', lines: shortSugar },
      capMarche,
      LEGAL_FRAME,
      'GMS_CENTRALE',
    );
    expect(e).toMatchObject({
      contractCents: 5040,
      claimableCents: 5040,
      legalCapCents: 11676,
      atRiskCents: 5040,
      l441Applicable: true,
      daysLate: 0,
    });
    expect(e.categories).toEqual([
      { category: 'SUCRES_CONSO', orderedValueCents: 583800, capCents: 11676, contractCents: 5040, claimableCents: 5040 },
    ]);
    expect(e.basis.map((b) => b.kind)).toEqual(['missing', 'cap']);
    expect(e.basis[0].fr).toContain('40 manquant(s) sur 96');
  });

  it('brings a flat late fee down to the cap: 120 € on 1 880 € of frozen bread is capped at 37,60 €', () => {
    const lines = [line('SUR-BAG-280', 'PAINS_SURGELES', 50, 3760)];
    const e = penalty({ promisedDate: '2025-12-12', deliveredDate: '2025-12-13', lines }, capMarche, LEGAL_FRAME, 'GMS_CENTRALE');
    expect(e).toMatchObject({ contractCents: 12000, claimableCents: 3760, legalCapCents: 3760, daysLate: 1 });
    expect(e.basis.find((b) => b.kind === 'cap')!.en).toContain('the contract asks €120.00');
  });

  it('shares a late fee between the categories on the delivery, each under its own cap', () => {
    const lines = [line('FAR-T45-1KG', 'FARINES_CONSO', 100, 1000), line('SUC-CRI-1KG', 'SUCRES_CONSO', 300, 1000)];
    const e = penalty(
      { promisedDate: '2026-01-07', deliveredDate: '2026-01-09', lines },
      { ...capMarche, latePerDayCents: 1000 },
      LEGAL_FRAME,
      'GMS_CENTRALE',
    );
    expect(e.contractCents).toBe(14000);
    expect(e.categories.map((c) => [c.category, c.contractCents, c.capCents, c.claimableCents])).toEqual([
      ['FARINES_CONSO', 3500, 2000, 2000],
      ['SUCRES_CONSO', 10500, 6000, 6000],
    ]);
    expect(e.claimableCents).toBe(8000);
  });

  it('tolerates a line at or above the service-rate threshold (near miss) and charges one just below', () => {
    const at = penalty(
      { promisedDate: null, deliveredDate: null, lines: [line('X', 'A', 100, 100, 97)] },
      capMarche,
      LEGAL_FRAME,
      'GMS_CENTRALE',
    );
    expect(at.contractCents).toBe(0);
    expect(at.basis[0].kind).toBe('tolerated');
    const below = penalty(
      { promisedDate: null, deliveredDate: null, lines: [line('X', 'A', 100, 100, 96)] },
      capMarche,
      LEGAL_FRAME,
      'GMS_CENTRALE',
    );
    expect(below.contractCents).toBe(40);
  });

  it('is not late on the promised day, and nothing is due without a clause', () => {
    expect(
      penalty(
        { promisedDate: '2026-01-07', deliveredDate: '2026-01-07', lines: shortSugar.slice(0, 1) },
        capMarche,
        LEGAL_FRAME,
        'GMS_CENTRALE',
      ).contractCents,
    ).toBe(0);
    expect(
      penalty({ promisedDate: '2026-01-07', deliveredDate: '2026-01-09', lines: shortSugar }, null, LEGAL_FRAME, 'GMS_CENTRALE'),
    ).toMatchObject({ contractCents: 0, claimableCents: 0, l441Applicable: false });
  });

  it('leaves a wholesaler outside L441-17 and says so: no cap, the contract amount', () => {
    const spd = { ...capMarche, l441Applicable: true };
    const e = penalty(
      { promisedDate: '2025-12-12', deliveredDate: '2025-12-13', lines: [line('SUR-BAG-280', 'PAINS_SURGELES', 50, 3760)] },
      spd,
      LEGAL_FRAME,
      'GROSSISTE',
    );
    expect(e).toMatchObject({ l441Applicable: false, legalCapCents: null, claimableCents: 12000 });
    expect(e.basis.at(-1)!.kind).toBe('wholesaler');
  });

  it('never lets the claimable exceed the legal cap, and never loses a cent in the sharing (property)', () => {
    const arbLine = fc.record({
      productCode: fc.constantFrom('P1', 'P2', 'P3', 'P4'),
      category: fc.constantFrom('A', 'B', 'C'),
      orderedQuantity: fc.integer({ min: 1, max: 2000 }),
      unitPriceCents: fc.integer({ min: 0, max: 50_000 }),
      deliveredShare: fc.integer({ min: 0, max: 100 }),
      onDelivery: fc.boolean(),
    });
    const arbClause = fc.record({
      contractRef: fc.constant(null),
      latePerDayCents: fc.option(fc.integer({ min: 0, max: 100_000 })),
      lateFlatCents: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
      missingValueBp: fc.option(fc.integer({ min: 0, max: 10_000 })),
      incidentFlatCents: fc.option(fc.integer({ min: 0, max: 100_000 })),
      serviceRateTargetBp: fc.option(fc.integer({ min: 0, max: 10_000 })),
      serviceRateToleranceBp: fc.integer({ min: 0, max: 1000 }),
      contestPeriodDays: fc.option(fc.integer({ min: 1, max: 60 })),
      backordersAccepted: fc.boolean(),
      l441Applicable: fc.constant(true),
    });
    fc.assert(
      fc.property(
        fc.array(arbLine, { minLength: 1, maxLength: 8 }),
        arbClause,
        fc.integer({ min: -3, max: 40 }),
        fc.nat(3),
        fc.integer({ min: 0, max: 1000 }),
        (raw, clause, late, incidents, capBp) => {
          const lines = raw.map((l) => {
            const expected = l.onDelivery ? l.orderedQuantity : 0;
            return {
              ...l,
              expectedQuantity: expected,
              deliveredQuantity: l.onDelivery ? Math.floor((expected * l.deliveredShare) / 100) : null,
            };
          });
          const e = penalty(
            { promisedDate: '2026-01-10', deliveredDate: `2026-01-${String(10 + Math.max(late, -9)).padStart(2, '0')}`, lines, incidents },
            clause,
            { ...LEGAL_FRAME, capBp },
            'GMS_CENTRALE',
          );
          expect(e.claimableCents).toBeLessThanOrEqual(e.legalCapCents!);
          expect(e.claimableCents).toBeLessThanOrEqual(e.contractCents);
          for (const c of e.categories) expect(c.claimableCents).toBeLessThanOrEqual(c.capCents);
          const charged = e.basis.filter((b) => ['late', 'missing', 'incident'].includes(b.kind)).reduce((s, b) => s + b.amountCents, 0);
          expect(e.contractCents).toBe(charged);
        },
      ),
    );
  });

  it('allocates a total in integer parts that add up to it', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.array(fc.nat(10_000), { minLength: 1, maxLength: 6 }),
        (total, w) => allocate(total, w).reduce((a, b) => a + b, 0) === total,
      ),
    );
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
});

const ctx = (over: Partial<NoticeContext> = {}): NoticeContext => ({
  typology: 'GMS_CENTRALE',
  l441Applicable: true,
  frame: LEGAL_FRAME,
  forceMajeure: [{ label: 'Épisode neigeux', from: '2026-01-06', to: '2026-01-07', categories: null }],
  ...over,
});
// PEN-2025-001: a proven stock-out, under the cap: nothing to contest.
const sound: NoticeFacts = {
  receivedDate: '2025-12-02',
  failureDate: '2025-11-19',
  kind: 'missing',
  category: 'SUCRES_CONSO',
  claimedCents: 5040,
  categoryOrderedValueCents: 575043,
  proofOfFailure: true,
  proofOfHarm: true,
  stockoutDocumented: true,
  deductedFromInvoice: false,
};
const ids = (n: NoticeFacts, c = ctx()) => checkNotice(n, c).findings.map((f) => f.id);

describe('checkNotice', () => {
  it('finds nothing to say on a sound notice and recommends accepting it', () => {
    expect(checkNotice(sound, ctx())).toEqual({ findings: [], capCents: 11501, recommendedAcceptedCents: 5040, contestable: false });
  });

  it('over-cap: fires above 2 % of the category ordered and recommends the cap; silent at the cap', () => {
    const a = checkNotice({ ...sound, claimedCents: 11502 }, ctx());
    expect(a.findings.map((f) => f.id)).toEqual(['over-cap']);
    expect(a.recommendedAcceptedCents).toBe(11501);
    expect(a.findings[0].fr).toContain('115,01 €');
    // The category in the buyer's words, not the CGV's code.
    expect(a.findings[0].fr).toContain('commandés en sucres grand public');
    expect(a.findings[0].en).toContain('ordered in consumer sugar');
    expect(ids({ ...sound, claimedCents: 11501 })).toEqual([]);
  });

  it('cap-unknown: warns when the value ordered in the category is not known', () => {
    expect(ids({ ...sound, categoryOrderedValueCents: null })).toEqual(['cap-unknown']);
  });

  it('too-old: fires past one year between the failure and the notice; silent at exactly 365 days', () => {
    const a = checkNotice({ ...sound, failureDate: '2024-12-18', receivedDate: '2026-01-12' }, ctx());
    expect(a.findings[0]).toMatchObject({ id: 'too-old', acceptableCents: 0 });
    expect(a.findings[0].en).toContain('390 days');
    expect(ids({ ...sound, failureDate: '2024-12-02', receivedDate: '2025-12-02' })).toEqual([]);
  });

  it('force-majeure: fires on a failure inside the period, not the day after; a period for some categories only', () => {
    expect(ids({ ...sound, failureDate: '2026-01-07', receivedDate: '2026-01-14' })).toEqual(['force-majeure']);
    expect(ids({ ...sound, failureDate: '2026-01-08', receivedDate: '2026-01-14' })).toEqual([]);
    const frozenOnly = ctx({ forceMajeure: [{ label: 'Grève', from: '2026-01-06', to: '2026-01-07', categories: ['PAINS_SURGELES'] }] });
    expect(ids({ ...sound, failureDate: '2026-01-07' }, frozenOnly)).toEqual([]);
    expect(ids({ ...sound, failureDate: '2026-01-07', category: 'PAINS_SURGELES' }, frozenOnly)).toEqual(['force-majeure']);
  });

  it('no-proof: fires without proof of the failure', () => {
    expect(checkNotice({ ...sound, proofOfFailure: false }, ctx())).toMatchObject({ recommendedAcceptedCents: 0, contestable: true });
    expect(ids({ ...sound, proofOfFailure: false })).toEqual(['no-proof']);
  });

  it('no-stockout-no-harm-proof: fires with neither a stock-out nor written harm; either one is enough', () => {
    expect(ids({ ...sound, stockoutDocumented: false, proofOfHarm: false })).toEqual(['no-stockout-no-harm-proof']);
    expect(ids({ ...sound, stockoutDocumented: false })).toEqual([]);
    expect(ids({ ...sound, proofOfHarm: false })).toEqual([]);
  });

  it('automatic-deduction: fires when the penalty was netted against an invoice, and asks for the money back', () => {
    const a = checkNotice({ ...sound, deductedFromInvoice: true }, ctx());
    expect(a.findings.map((f) => f.id)).toEqual(['automatic-deduction']);
    expect(a.findings[0].fr).toContain('reversement');
    expect(a.recommendedAcceptedCents).toBe(5040);
  });

  it('wholesaler-excluded: a wholesaler is outside the scheme, whatever else the notice lacks', () => {
    const a = checkNotice(
      { ...sound, proofOfHarm: false, stockoutDocumented: false, claimedCents: 999_999 },
      ctx({ typology: 'GROSSISTE' }),
    );
    expect(a).toMatchObject({ capCents: null, recommendedAcceptedCents: 999_999, contestable: false });
    expect(a.findings.map((f) => f.id)).toEqual(['wholesaler-excluded']);
    expect(ids(sound, ctx({ typology: 'ARTISAN', l441Applicable: false }))).toEqual(['not-under-l441']);
  });

  it('PEN-2026-003 (PrixNet): too old and deducted, recommends 0', () => {
    const a = checkNotice(
      {
        ...sound,
        failureDate: '2024-12-18',
        receivedDate: '2026-01-12',
        claimedCents: 42000,
        categoryOrderedValueCents: null,
        proofOfHarm: false,
        stockoutDocumented: false,
        deductedFromInvoice: true,
      },
      ctx(),
    );
    expect(a.findings.map((f) => f.id)).toEqual(['too-old', 'no-stockout-no-harm-proof', 'cap-unknown', 'automatic-deduction']);
    expect(a.recommendedAcceptedCents).toBe(0);
  });

  it('recommends at most what every finding allows and never more than claimed (property)', () => {
    const arb = fc.record({
      claimedCents: fc.nat(1_000_000),
      categoryOrderedValueCents: fc.option(fc.nat(10_000_000)),
      proofOfFailure: fc.boolean(),
      proofOfHarm: fc.boolean(),
      stockoutDocumented: fc.boolean(),
      deductedFromInvoice: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, (over) => {
        const a = checkNotice({ ...sound, ...over }, ctx());
        expect(a.recommendedAcceptedCents).toBeLessThanOrEqual(over.claimedCents);
        if (a.capCents !== null) expect(a.recommendedAcceptedCents).toBeLessThanOrEqual(a.capCents);
      }),
    );
  });
});

describe('contest clock', () => {
  it('takes the earlier of the contract and CGV periods, with a reminder five days before', () => {
    expect(contestDeadline({ receivedDate: '2025-12-02' }, { contestPeriodDays: 15 }, LEGAL_FRAME)).toEqual({
      deadline: '2025-12-17',
      contractDeadline: '2025-12-17',
      cgvDeadline: '2026-01-01',
      reminderDate: '2025-12-12',
    });
    expect(contestDeadline({ receivedDate: '2026-01-14' }, null, LEGAL_FRAME)).toMatchObject({
      deadline: '2026-02-13',
      contractDeadline: null,
    });
    expect(contestDeadline({ receivedDate: '2026-01-14' }, { contestPeriodDays: 2 }, LEGAL_FRAME).reminderDate).toBe('2026-01-14');
  });

  it('says what is overdue, due soon, or settled', () => {
    expect(dueState({ status: 'received', contestDeadline: '2026-01-18', reminderDate: null }, '2026-01-19')).toBe('overdue');
    expect(dueState({ status: 'received', contestDeadline: '2026-01-22', reminderDate: null }, '2026-01-19')).toBe('soon');
    expect(dueState({ status: 'received', contestDeadline: '2026-02-13', reminderDate: null }, '2026-01-19')).toBe('later');
    expect(dueState({ status: 'contested', contestDeadline: '2026-01-01', reminderDate: '2026-01-20' }, '2026-01-19')).toBe('soon');
    expect(dueState({ status: 'settled', contestDeadline: '2026-01-01', reminderDate: null }, '2026-01-19')).toBe('none');
  });
});

describe('contest letter', () => {
  it('names the notice, each legal ground with its article, the reason, and what is accepted', () => {
    const assessment = checkNotice(
      { ...sound, claimedCents: 12000, categoryOrderedValueCents: 188883, proofOfHarm: false, stockoutDocumented: false },
      ctx(),
    );
    const l = contestLetterParagraphs({
      noticeRef: 'PEN-2025-002',
      customerRef: null,
      orderRef: 'CDE-202512-00011',
      receivedDate: '2025-12-19',
      failureDate: '2025-12-12',
      claimedCents: 12000,
      reason: 'Client prévenu la veille.',
      assessment,
      today: '2025-12-23',
    });
    expect(l.subject).toBe('Contestation de l’avis de pénalité PEN-2025-002');
    const text = l.paragraphs.join('\n');
    expect(text).toContain('L441-17 I al. 7');
    expect(text).toContain('L441-17 I al. 2');
    expect(text).toContain('Par ailleurs : Client prévenu la veille.');
    expect(text).toContain('aucune pénalité ne nous paraît due');
  });
});
