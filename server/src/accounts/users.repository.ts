import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
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

  findByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
  }

  async create(user: NewUser, manager: EntityManager = this.dataSource.manager): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    return repo.save(repo.create(user));
  }

  async hasPlatformAdmin(): Promise<boolean> {
    return this.repo.existsBy({ platformAdmin: true });
  }
}
