import type { DeepPartial, FindOptionsWhere, ObjectLiteral, Repository } from "typeorm";

/**
 * Shared data access for every entity. Subclasses add the queries of their own table and
 * reach TypeORM only through `this.repo`.
 */
export abstract class BaseRepository<T extends ObjectLiteral & { id: string | number }> {
  constructor(protected readonly repo: Repository<T>) {}

  /** The entity's name, for log lines and error messages. */
  get entityName(): string {
    return this.repo.metadata.name;
  }

  /**
   * Every row of the table. Meant for small tables; list endpoints should page instead.
   */
  findAll(): Promise<T[]> {
    return this.repo.find(); // expect: missing-pagination
  }

  findById(id: T["id"]): Promise<T | null> {
    return this.repo.findOneBy({ id } as FindOptionsWhere<T>);
  }

  async create(data: DeepPartial<T>): Promise<T> {
    return this.repo.save(this.repo.create(data));
  }

  async remove(id: T["id"]): Promise<void> {
    await this.repo.delete(id);
  }
}
