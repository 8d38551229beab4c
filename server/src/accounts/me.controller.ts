import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type MeDto,
  MeSchema,
  type RecoveryCodesDto,
  RecoveryCodesSchema,
  type SessionDto,
  SessionListSchema,
  type TwoFactorEnrolmentDto,
  TwoFactorEnrolmentSchema,
  type UserDto,
  UserSchema,
} from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { AllowedBeforeTwoFactor, CurrentSessionId, CurrentUser } from '../common/auth/public.decorator.js';
import { IdParam } from '../common/validation/params.js';
import { ChangePasswordDto, ConfirmTwoFactorDto, RemoveTwoFactorDto, RequestOrganizationDto, UpdateMeDto } from './accounts.dto.js';
import { AffiliationService } from './affiliation/affiliation.service.js';
import { AccountsService } from './accounts.service.js';
import { PasswordService } from './passwords/password.service.js';
import { SessionsService } from './sessions/sessions.service.js';
import { TwoFactorService } from './two-factor/two-factor.service.js';

@ApiTags('accounts')
@Controller('me')
export class MeController {
  constructor(
    private readonly service: AccountsService,
    private readonly twoFactor: TwoFactorService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly affiliation: AffiliationService,
  ) {}

  @ApiEndpoint({ id: 'getMe', summary: 'The signed-in user, their organisation and their workspace memberships', response: MeSchema })
  @Get()
  @AllowedBeforeTwoFactor()
  me(@CurrentUser() auth: AuthUser): Promise<MeDto> {
    return this.service.me(auth);
  }

  @ApiEndpoint({ id: 'updateMe', summary: 'Change the caller’s interface language, which their e-mails and notifications use too', response: UserSchema })
  @Patch()
  @AllowedBeforeTwoFactor()
  update(@CurrentUser() auth: AuthUser, @Body() dto: UpdateMeDto): Promise<UserDto> {
    return this.service.updateMe(auth, dto);
  }

  @ApiEndpoint({
    id: 'requestOrganization',
    summary: 'Ask an organisation of the directory to confirm that the caller, who has none, belongs to it',
    description: 'Replaces an earlier pending request. The caller shows as unconfirmed next to its name until one of its administrators approves.',
    errors: ['CONFLICT'],
  })
  @Post('organization-request')
  @HttpCode(204)
  requestOrganization(@CurrentUser() auth: AuthUser, @Body() dto: RequestOrganizationDto): Promise<void> {
    return this.affiliation.requestToJoin(auth, dto.organizationId);
  }

  @ApiEndpoint({
    id: 'startTwoFactor',
    summary: 'Start setting up two-factor sign-in: a new TOTP secret and its otpauth URI',
    description: 'Not active until confirmed with a code; starting again replaces an unconfirmed secret.',
    response: TwoFactorEnrolmentSchema,
    errors: ['CONFLICT'],
  })
  @Post('two-factor')
  @AllowedBeforeTwoFactor()
  startTwoFactor(@CurrentUser() auth: AuthUser): Promise<TwoFactorEnrolmentDto> {
    return this.twoFactor.start(auth);
  }

  @ApiEndpoint({
    id: 'confirmTwoFactor',
    summary: 'Turn two-factor sign-in on with a first code; answers the recovery codes, shown only this once',
    response: RecoveryCodesSchema,
    errors: ['CONFLICT', 'RATE_LIMITED'],
  })
  @Post('two-factor/confirm')
  @AllowedBeforeTwoFactor()
  @HttpCode(200)
  confirmTwoFactor(@CurrentUser() auth: AuthUser, @Body() dto: ConfirmTwoFactorDto): Promise<RecoveryCodesDto> {
    return this.twoFactor.confirm(auth, dto);
  }

  @ApiEndpoint({ id: 'removeTwoFactor', summary: 'Turn two-factor sign-in off, with a current code or the password', errors: ['CONFLICT', 'RATE_LIMITED'] })
  @Delete('two-factor')
  @HttpCode(204)
  removeTwoFactor(@CurrentUser() auth: AuthUser, @Body() dto: RemoveTwoFactorDto): Promise<void> {
    return this.twoFactor.remove(auth, dto);
  }

  @ApiEndpoint({ id: 'changePassword', summary: 'Change the password with the current one; ends the account’s other sessions', errors: ['RATE_LIMITED'] })
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() auth: AuthUser, @CurrentSessionId() sessionId: string, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.passwords.change(auth, sessionId, dto);
  }

  @ApiEndpoint({ id: 'listSessions', summary: 'The account’s open sessions: device, address, last use', response: SessionListSchema })
  @Get('sessions')
  listSessions(@CurrentUser() auth: AuthUser, @CurrentSessionId() sessionId: string): Promise<SessionDto[]> {
    return this.sessions.list(auth, sessionId);
  }

  @ApiEndpoint({ id: 'endSession', summary: 'End one of the account’s sessions (sign that device out)' })
  @Delete('sessions/:id')
  @HttpCode(204)
  endSession(@CurrentUser() auth: AuthUser, @IdParam() id: string): Promise<void> {
    return this.sessions.end(auth, id);
  }
}
