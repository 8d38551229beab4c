import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CountrySettingsSchema, type CountrySettingsDto } from '@enlace/shared';
import { ApiEndpoint } from '../common/api-endpoint.js';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CurrentUser } from '../common/auth/public.decorator.js';
import { CountrySettingsInputDto } from './cases.dto.js';
import { CasesService } from './cases.service.js';

/** `:country` is an ISO 3166-1 alpha-2 code; anything else names no country (404). */
@ApiTags('cases')
@Controller('case-settings')
export class CaseSettingsController {
  constructor(private readonly cases: CasesService) {}

  @ApiEndpoint({ id: 'getCaseCountrySettings', summary: 'A country’s reflection period (30 days unless set)', response: CountrySettingsSchema, errors: ['NOT_FOUND'] })
  @Get(':country')
  get(@Param('country') country: string): Promise<CountrySettingsDto> {
    return this.cases.countrySettings(country);
  }

  @ApiEndpoint({ id: 'updateCaseCountrySettings', summary: 'Set a country’s reflection period (platform admins)', response: CountrySettingsSchema, errors: ['FORBIDDEN', 'NOT_FOUND'] })
  @Put(':country')
  update(@CurrentUser() auth: AuthUser, @Param('country') country: string, @Body() dto: CountrySettingsInputDto): Promise<CountrySettingsDto> {
    return this.cases.updateCountrySettings(auth, country, dto);
  }
}
