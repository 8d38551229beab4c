import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { UserEntity } from './user.entity.js';

export type NewUser = Pick<UserEntity, 'email' | 'displayName' | 'passwordHash' | 'organizationId' | 'orgRole' | 'platformAdmin' | 'locale'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(UserEntity);
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id, disabledAt: IsNull() });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ email: email.toLowerCase() });
  }

  async create(user: NewUser): Promise<UserEntity> {
    return this.repo.save(this.repo.create(user));
  }

  async hasPlatformAdmin(): Promise<boolean> {
    return this.repo.existsBy({ platformAdmin: true });
  }
}
