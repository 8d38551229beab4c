import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AuthGuard } from './common/auth/auth.guard.js';
import { CommonModule } from './common/common.module.js';
import { ConfigModule } from './common/config/config.module.js';
import type { Config } from './common/config/config.js';
import { DatabaseModule } from './common/database/database.module.js';
import { AllExceptionsFilter } from './common/errors/exception.filter.js';
import { ZodValidationPipe } from './common/validation/zod-validation.pipe.js';
import { DOMAIN_MODULES } from './domains.js';

export interface Infrastructure {
  config: Config;
  dataSource: DataSource;
  redis?: Redis;
}

@Module({})
export class AppModule {
  static forRoot({ config, dataSource, redis }: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(dataSource), CommonModule.forRoot(redis), ...DOMAIN_MODULES],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
