import { CreateAccounts1764300000000 } from './1764300000000-CreateAccounts.js';
import { CreateWorkspaces1764310000000 } from './1764310000000-CreateWorkspaces.js';
import { CreateBoards1764320000000 } from './1764320000000-CreateBoards.js';
import { AddLabelVersion1795895846813 } from './1795895846813-AddLabelVersion.js';
import { IndexRefreshTokensUserId1795936700000 } from './1795936700000-IndexRefreshTokensUserId.js';
import { AddUserTokenGeneration1795936700001 } from './1795936700001-AddUserTokenGeneration.js';
import { IndexArchivedCards1796000000000 } from './1796000000000-IndexArchivedCards.js';
import { CreateSessions1796100000000 } from './1796100000000-CreateSessions.js';
import { CreateAuditCheckpoints1796200000000 } from './1796200000000-CreateAuditCheckpoints.js';
import { AddSignInSecurity1796300000000 } from './1796300000000-AddSignInSecurity.js';
import { CreateAgreements1796400000000 } from './1796400000000-CreateAgreements.js';
import { AddInboxAndLanguage1796500000000 } from './1796500000000-AddInboxAndLanguage.js';
import { CreateOrganizationAffiliation1796510000000 } from './1796510000000-CreateOrganizationAffiliation.js';
import { IndexCardAssignees1796520000000 } from './1796520000000-IndexCardAssignees.js';
import { CreateIndicators1796600000000 } from './1796600000000-CreateIndicators.js';
import { CreateCases1796700000000 } from './1796700000000-CreateCases.js';
import { AddCaseReflectionPeriod1796700000001 } from './1796700000001-AddCaseReflectionPeriod.js';
import { CreateCaseTracks1796800000000 } from './1796800000000-CreateCaseTracks.js';
import { CreateStageTemplates1796800000001 } from './1796800000001-CreateStageTemplates.js';
import { StageTemplateRestoreKeepsVersion1796800000002 } from './1796800000002-StageTemplateRestoreKeepsVersion.js';
import { AddInvitationPartyOrganization1796810000000 } from './1796810000000-AddInvitationPartyOrganization.js';
import { IndexUnattachedEvidence1796810000001 } from './1796810000001-IndexUnattachedEvidence.js';

/** Every migration, oldest first. Listed explicitly so the same list works from source and from the build. */
export const migrations = [
  CreateAccounts1764300000000,
  CreateWorkspaces1764310000000,
  CreateBoards1764320000000,
  AddLabelVersion1795895846813,
  IndexRefreshTokensUserId1795936700000,
  AddUserTokenGeneration1795936700001,
  IndexArchivedCards1796000000000,
  CreateSessions1796100000000,
  CreateAuditCheckpoints1796200000000,
  AddSignInSecurity1796300000000,
  CreateAgreements1796400000000,
  AddInboxAndLanguage1796500000000,
  CreateOrganizationAffiliation1796510000000,
  IndexCardAssignees1796520000000,
  CreateIndicators1796600000000,
  CreateCases1796700000000,
  AddCaseReflectionPeriod1796700000001,
  CreateCaseTracks1796800000000,
  CreateStageTemplates1796800000001,
  StageTemplateRestoreKeepsVersion1796800000002,
  AddInvitationPartyOrganization1796810000000,
  IndexUnattachedEvidence1796810000001,
];
