import type { INestApplicationContext } from '@nestjs/common';
import type { CaseDto, CaseStage, CreateCaseInput, ExploitationType } from '@enlace/shared';
import { CasesService } from '../cases/cases.service.js';
import { ReferralsService } from '../cases/referrals.service.js';
import { SensitiveService } from '../cases/sensitive.service.js';
import { TracksService } from '../cases/tracks.service.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { WorkspacesService } from '../workspaces/workspaces.service.js';

/** Who takes part in the demo cases. */
export interface CaseCast {
  ngoLead: AuthUser; // NGO Refugio Seguro, owner of its cases
  caseWorker: AuthUser; // NGO Refugio Seguro, contributor with the sensitive-access grant
  investigator: AuthUser; // police (law enforcement), contributor without the assistance grant
  municipalAdmin: AuthUser; // Rosario's social services, who accepts the shelter referral
  socialWorker: AuthUser; // Rosario, who joins the case through it
  borderNgo: AuthUser; // NGO Caminos Libres (Paraguay), owner of a case
  borderMunicipality: AuthUser; // Encarnación's social services, who decline a referral
}

export interface CaseOrganizations {
  police: string;
  rosario: string;
  encarnacion: string;
  redLegal: string;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Background cases at several stages, so that the statistics page has something to count and some of its cells
 * read "<5": [stage, exploitation types, jurisdiction, identification date].
 */
const BACKGROUND: Array<[CaseStage, ExploitationType[], string, string]> = [
  ['identified', ['labour'], 'Rosario, Santa Fe', '2026-01-12'],
  ['identified', ['sexual'], 'Rosario, Santa Fe', '2026-02-03'],
  ['identified', ['labour', 'domestic_servitude'], 'Santa Fe', '2026-02-20'],
  ['identified', ['forced_begging'], 'Rosario, Santa Fe', '2026-03-08'],
  ['identified', ['sexual'], 'Santa Fe', '2026-03-15'],
  ['identified', ['labour'], 'Rosario, Santa Fe', '2026-04-02'],
  ['assessment', ['sexual'], 'Rosario, Santa Fe', '2026-01-25'],
  ['assessment', ['labour'], 'Santa Fe', '2026-02-11'],
  ['assessment', ['domestic_servitude'], 'Rosario, Santa Fe', '2026-03-01'],
  ['assessment', ['sexual', 'forced_criminality'], 'Santa Fe', '2026-03-19'],
  ['assessment', ['labour'], 'Rosario, Santa Fe', '2026-04-10'],
  ['assistance', ['labour'], 'Santa Fe', '2026-01-05'],
  ['inclusion', ['sexual'], 'Rosario, Santa Fe', '2025-11-20'],
  ['return', ['labour'], 'Rosario, Santa Fe', '2025-12-02'],
  ['closed', ['forced_marriage'], 'Santa Fe', '2025-10-14'],
];

/** The referral mechanism's path to each stage. */
const PATH: Record<CaseStage, CaseStage[]> = {
  identified: [],
  assessment: ['assessment'],
  assistance: ['assessment', 'assistance'],
  inclusion: ['assessment', 'assistance', 'inclusion'],
  return: ['assessment', 'assistance', 'return'],
  closed: ['closed'],
};

/**
 * Cases: one followed from identification to assistance, referred with the person's consent to Rosario's municipal
 * shelter service (accepted, a social worker joins), with services on its assistance track and a police investigator
 * recording the justice track (without the assistance grant, so they see neither the services nor what was said in
 * them); a Paraguayan NGO's case whose shelter referral Encarnación declines; and background cases at every stage.
 */
export async function seedCases(app: INestApplicationContext, cast: CaseCast, orgs: CaseOrganizations): Promise<void> {
  const cases = app.get(CasesService);
  const referrals = app.get(ReferralsService);
  const tracks = app.get(TracksService);
  const workspaces = app.get(WorkspacesService);
  const invitations = app.get(InvitationsService);

  const open = async (by: AuthUser, input: CreateCaseInput, stages: CaseStage[]): Promise<CaseDto> => {
    let current = await cases.create(by, input, 'en');
    for (const to of stages) current = await cases.transition(by, current.id, { version: current.version, to, reason: `Moved to ${to} by the case team` }, 'en');
    return current;
  };

  const main = await open(
    cast.ngoLead,
    {
      title: 'Rosario bus terminal — young woman, labour and sexual exploitation',
      exploitationTypes: ['labour', 'sexual'],
      jurisdiction: 'Rosario, Santa Fe',
      identifiedOn: day(-20),
      reflectionStartedOn: day(-20),
      riskLevel: 'high',
      consentDataSharing: true,
      consentReferral: true,
    },
    ['assessment', 'assistance'],
  );
  for (const member of [cast.caseWorker, cast.investigator]) {
    const { token } = await invitations.create(cast.ngoLead, main.id, { email: member.email, role: 'contributor' });
    await invitations.accept(token, member, {});
  }
  await workspaces.updateMember(cast.ngoLead, main.id, cast.caseWorker.id, { sensitiveAccess: true });
  await app.get(SensitiveService).write(cast.ngoLead, main.id, {
    version: 1,
    fields: { alias: 'Luz', ageOrBirthYear: 'about 19', nationality: 'Paraguayan', restrictedNotes: 'Afraid of the recruiter, who knows her family.' },
  });

  const consent = await referrals.recordConsent(cast.ngoLead, main.id, {
    recipientOrganizationId: orgs.rosario,
    purpose: 'shelter',
    givenBy: 'person',
    givenOn: day(-3),
    validUntil: day(87),
    sharedFields: ['ageOrBirthYear'],
    lifeRiskException: false,
  });
  const referral = await referrals.create(cast.ngoLead, main.id, { toOrganizationId: consent.recipientOrganizationId, service: 'shelter', urgency: 'urgent', note: 'Needs a place tonight.' });
  await referrals.accept(cast.municipalAdmin, referral.id, { version: referral.version, userIds: [cast.socialWorker.id] });

  const shelter = await tracks.requestAssistance(cast.ngoLead, main.id, { service: 'shelter', requestedOn: day(-3), providerOrganizationId: orgs.rosario, note: 'Municipal shelter, through the referral.' });
  await tracks.transitionAssistance(cast.socialWorker, main.id, shelter.id, { version: shelter.version, to: 'given', on: day(-2) });
  const health = await tracks.requestAssistance(cast.caseWorker, main.id, { service: 'health', requestedOn: day(-18), note: 'General check-up.' });
  const checked = await tracks.transitionAssistance(cast.caseWorker, main.id, health.id, { version: health.version, to: 'given', on: day(-16) });
  await tracks.transitionAssistance(cast.caseWorker, main.id, health.id, { version: checked.version, to: 'ended', on: day(-9) });
  await tracks.requestAssistance(cast.caseWorker, main.id, { service: 'legal_aid', requestedOn: day(-1), providerOrganizationId: orgs.redLegal });

  await tracks.recordJustice(cast.investigator, main.id, { step: 'complaint', on: day(-15), authorityOrganizationId: orgs.police, reference: 'DTP-ROS-0311/2026' });
  await tracks.recordJustice(cast.investigator, main.id, { step: 'investigation', on: day(-10), authorityOrganizationId: orgs.police, note: 'Investigation opened into the recruitment network.' });

  const border = await open(
    cast.borderNgo,
    { title: 'Encarnación crossing — adolescent, domestic servitude', exploitationTypes: ['domestic_servitude'], jurisdiction: 'Encarnación, Itapúa', identifiedOn: day(-6), riskLevel: 'medium', consentReferral: true },
    ['assessment'],
  );
  await referrals.recordConsent(cast.borderNgo, border.id, {
    recipientOrganizationId: orgs.encarnacion,
    purpose: 'shelter',
    givenBy: 'guardian',
    givenOn: day(-2),
    validUntil: day(60),
    sharedFields: [],
    lifeRiskException: false,
  });
  const declined = await referrals.create(cast.borderNgo, border.id, { toOrganizationId: orgs.encarnacion, service: 'shelter', urgency: 'routine' });
  await referrals.decline(cast.borderMunicipality, declined.id, { version: declined.version, reason: 'No shelter place for adolescents this month; we suggest the provincial home.' });

  for (const [stage, exploitationTypes, jurisdiction, identifiedOn] of BACKGROUND) {
    await open(cast.ngoLead, { title: `Case identified ${identifiedOn}`, exploitationTypes, jurisdiction, identifiedOn }, PATH[stage]);
  }
}
