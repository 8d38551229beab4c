import type { INestApplicationContext } from '@nestjs/common';
import type { CreateIndicatorInput, ThematicArea } from '@enlace/shared';
import { AgreementsService } from '../agreements/agreements.service.js';
import { CommitmentsService } from '../agreements/commitments.service.js';
import { IndicatorsService } from '../agreements/indicators.service.js';
import { PartiesService } from '../agreements/parties.service.js';
import { BoardStructureRepository } from '../boards/board-structure.repository.js';
import { BoardsService } from '../boards/boards.service.js';
import { CardsService } from '../boards/cards.service.js';
import { ColumnsService } from '../boards/columns.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { InvitationsService } from '../invitations/invitations.service.js';

/** Who takes part in the demo MoU: the national authority, a province and two NGOs. */
export interface AgreementCast {
  coordinator: AuthUser; // the ministry, owner of the agreement workspace
  analyst: AuthUser; // the ministry, coordinator
  province: AuthUser; // the province's official, a contributor
  shelter: AuthUser; // NGO, contributor
  lawyer: AuthUser; // NGO, contributor
}

interface DemoMeasurement {
  periodStart: string;
  periodEnd: string;
  value: number;
  note: string;
  /** Who reviews it, and how; omitted: left as reported. */
  review?: { by: keyof AgreementCast; verdict: 'verified' } | { by: keyof AgreementCast; verdict: 'disputed'; reason: string };
}

interface DemoCommitment {
  by: keyof AgreementCast;
  text: string;
  area: ThematicArea;
  dueOn: string;
  budget?: { allocated: string; executed: string };
  staff?: number;
  status?: { to: 'in_progress' | 'done'; note: string };
  indicator: CreateIndicatorInput;
  measurements: DemoMeasurement[];
  /** Board cards linked to the commitment: [title, in the "done" column]. */
  cards: Array<[string, boolean]>;
}

const COMMITMENTS: DemoCommitment[] = [
  {
    by: 'coordinator',
    text: 'Fund 120 specialised shelter places for victims across the province',
    area: 'protection',
    dueOn: '2027-06-30',
    budget: { allocated: '480000000.00', executed: '190000000.00' },
    staff: 6,
    status: { to: 'in_progress', note: 'First transfer made to the provincial shelter network.' },
    indicator: { name: 'Shelter places funded', unit: 'places', category: 'result', direction: 'increase', baseline: 0, target: 120, frequency: 'quarterly', meansOfVerification: 'Transfer records and the provincial shelter registry' },
    measurements: [
      { periodStart: '2026-03-01', periodEnd: '2026-05-31', value: 40, note: 'Two shelters in Rosario and one in Santa Fe city.', review: { by: 'province', verdict: 'verified' } },
      { periodStart: '2026-06-01', periodEnd: '2026-08-31', value: 70, note: 'Venado Tuerto shelter added.' },
    ],
    cards: [
      ['Sign transfer agreements with the shelters', true],
      ['Inspect the Venado Tuerto shelter', false],
    ],
  },
  {
    by: 'province',
    text: 'Train 300 municipal officials to identify and refer victims',
    area: 'prevention',
    // Past due and not done: the demo's overdue commitment.
    dueOn: '2026-09-30',
    staff: 4,
    status: { to: 'in_progress', note: 'Workshops under way in the southern departments.' },
    indicator: { name: 'Officials trained', unit: 'people', category: 'process', direction: 'increase', baseline: 0, target: 300, frequency: 'quarterly', meansOfVerification: 'Signed attendance sheets' },
    measurements: [
      { periodStart: '2026-03-01', periodEnd: '2026-05-31', value: 60, note: 'Rosario and Santa Fe workshops.', review: { by: 'shelter', verdict: 'verified' } },
      { periodStart: '2026-06-01', periodEnd: '2026-08-31', value: 140, note: 'Southern departments.', review: { by: 'analyst', verdict: 'disputed', reason: 'The attendance sheets we received list 110 people, not 140.' } },
    ],
    cards: [
      ['Workshop in Venado Tuerto', true],
      ['Workshop in Reconquista', false],
    ],
  },
  {
    by: 'shelter',
    text: 'Run a 24-hour helpline for victims and their families',
    area: 'assistance',
    dueOn: '2027-03-31',
    staff: 9,
    status: { to: 'in_progress', note: 'Helpline open; night shift still short of staff.' },
    indicator: { name: 'Calls answered within one minute', unit: '%', category: 'result', direction: 'increase', baseline: 40, target: 90, frequency: 'monthly', meansOfVerification: 'Switchboard reports' },
    measurements: [{ periodStart: '2026-08-01', periodEnd: '2026-08-31', value: 72, note: 'August switchboard report.', review: { by: 'coordinator', verdict: 'verified' } }],
    cards: [['Recruit two night-shift operators', false]],
  },
  {
    by: 'lawyer',
    text: 'Provide legal representation to every identified victim who asks for it',
    area: 'restoration_of_rights',
    dueOn: '2027-12-31',
    indicator: { name: 'Victims represented', unit: '%', category: 'result', direction: 'increase', baseline: 20, target: 100, frequency: 'semiannual', meansOfVerification: 'Case files of the legal aid network' },
    measurements: [{ periodStart: '2026-03-01', periodEnd: '2026-08-31', value: 55, note: 'First semester of the agreement.' }],
    cards: [],
  },
  {
    by: 'province',
    text: 'Adopt a cross-agency referral protocol',
    area: 'cooperation',
    dueOn: '2026-07-31',
    status: { to: 'done', note: 'Protocol approved by provincial decree.' },
    indicator: { name: 'Referral protocol adopted', unit: 'protocol', category: 'structure', direction: 'increase', baseline: 0, target: 1, frequency: 'once', meansOfVerification: 'Provincial official bulletin' },
    measurements: [{ periodStart: '2026-07-01', periodEnd: '2026-07-31', value: 1, note: 'Decree published in the official bulletin.', review: { by: 'coordinator', verdict: 'verified' } }],
    cards: [['Publish the protocol in the official bulletin', true]],
  },
];

/**
 * A framework MoU between the ministry, a province and two NGOs, in force, with commitments in several
 * areas, indicators with measurements (verified, disputed and merely reported), an overdue commitment,
 * and board cards linked to commitments, some in a column marked "done".
 */
export async function seedAgreement(app: INestApplicationContext, cast: AgreementCast, organizations: { ministry: string; province: string; shelter: string; lawyer: string }): Promise<void> {
  const owner = cast.coordinator;
  const agreements = app.get(AgreementsService);
  const agreement = await agreements.create(
    owner,
    {
      title: 'Convenio marco de cooperación contra la trata de personas — Santa Fe',
      kind: 'mou',
      referenceCode: 'MJDH-SF-2026-01',
      summary: 'Framework MoU between the national ministry, the Province of Santa Fe and two NGOs on prevention, protection and assistance to victims.',
      terms: '1. The parties cooperate to prevent trafficking in persons and assist its victims.\n2. Each party reports quarterly on its commitments.\n3. Measurements are verified by another party.',
      thematicAreas: ['prevention', 'protection', 'assistance', 'restoration_of_rights', 'cooperation'],
      countries: ['AR'],
      jurisdictions: ['Santa Fe'],
      effectiveFrom: '2026-03-01',
      expiresOn: '2028-02-29',
      nextReviewOn: '2027-03-01',
    },
    'en',
  );
  const invitations = app.get(InvitationsService);
  const members: Array<[AuthUser, 'coordinator' | 'contributor']> = [
    [cast.analyst, 'coordinator'],
    [cast.province, 'contributor'],
    [cast.shelter, 'contributor'],
    [cast.lawyer, 'contributor'],
  ];
  for (const [member, role] of members) {
    const { token } = await invitations.create(owner, agreement.id, { email: member.email, role });
    await invitations.accept(token, member, {});
  }
  const parties = app.get(PartiesService);
  await parties.add(owner, agreement.id, { organizationId: organizations.ministry, role: 'signatory', contactUserId: owner.id, signedOn: '2026-02-20' });
  await parties.add(owner, agreement.id, { organizationId: organizations.province, role: 'signatory', contactUserId: cast.province.id, signedOn: '2026-02-24' });
  await parties.add(owner, agreement.id, { organizationId: organizations.shelter, role: 'implementing', contactUserId: cast.shelter.id });
  await parties.add(owner, agreement.id, { organizationId: organizations.lawyer, role: 'implementing', contactUserId: cast.lawyer.id });
  let current = agreement;
  for (const to of ['negotiation', 'signed', 'in_force'] as const) current = await agreements.transition(owner, agreement.id, { version: current.version, to, reason: to === 'in_force' ? 'Effective date reached' : undefined });

  const boardId = (await app.get(BoardsService).list(owner, agreement.id)).items[0].id;
  const columns = await app.get(BoardStructureRepository).columns(boardId);
  const doneColumn = columns.at(-1)!;
  await app.get(ColumnsService).update(owner, doneColumn.id, { version: doneColumn.version, done: true });
  const cards = app.get(CardsService);
  const commitments = app.get(CommitmentsService);
  const indicators = app.get(IndicatorsService);
  const organizationOf = { coordinator: organizations.ministry, analyst: organizations.ministry, province: organizations.province, shelter: organizations.shelter, lawyer: organizations.lawyer };
  for (const spec of COMMITMENTS) {
    const commitment = await commitments.create(owner, agreement.id, {
      text: spec.text,
      responsibleOrganizationId: organizationOf[spec.by],
      thematicArea: spec.area,
      dueOn: spec.dueOn,
      ...(spec.budget && { budgetAllocated: spec.budget.allocated, budgetExecuted: spec.budget.executed, currency: 'ARS' }),
      staffAssigned: spec.staff ?? null,
    });
    if (spec.status) await commitments.reportProgress(cast[spec.by], commitment.id, { version: commitment.version, note: spec.status.note, status: spec.status.to });
    const indicator = await indicators.create(owner, commitment.id, spec.indicator);
    for (const measurement of spec.measurements) {
      const { review, ...input } = measurement;
      const recorded = await indicators.record(cast[spec.by], indicator.id, input);
      if (review) await indicators.review(cast[review.by], recorded.id, { version: recorded.version, verdict: review.verdict, ...(review.verdict === 'disputed' && { reason: review.reason }) });
    }
    for (const [title, done] of spec.cards) {
      const card = await cards.create(cast[spec.by], boardId, { columnId: (done ? doneColumn : columns[0]).id, title });
      await cards.update(cast[spec.by], card.id, { version: card.version, commitmentId: commitment.id });
    }
  }
}
