import { Injectable, NotFoundException } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { ILike, In, IsNull, Not, Repository } from "typeorm";
import { Account, ApiKey } from "../entities/account.entity";
import { User } from "../entities/user.entity";

@Injectable()
export class AccountsService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiKey) private readonly apiKeys: Repository<ApiKey>,
  ) {}

  async bySlug(slug: string): Promise<Account> {
    const account = await this.accounts.findOneBy({ slug });
    if (!account) throw new NotFoundException(`account ${slug}`);
    return account;
  }

  /** Support tooling pastes either our slug or the Stripe customer id. */
  resolve(key: string) {
    return this.accounts.findOne({ where: [{ slug: key }, { stripeCustomerId: key }] });
  }

  /** Support search box: exact slug or the billing e-mail on file. */
  adminSearch(q: string) {
    return this.accounts.find({ where: [{ slug: q }, { billingEmail: q.toLowerCase() }], take: 20 }); // expect: unindexed-filter
  }

  fuzzySearch(q: string) {
    return this.accounts.find({ where: { name: ILike(`%${q}%`) }, take: 20 });
  }

  recentSignups() {
    return this.accounts.find({ order: { createdAt: "DESC" }, take: 20 }); // expect: unindexed-filter
  }

  members(accountId: string) {
    return this.users.find({ where: { account: { id: accountId }, status: Not("disabled") }, order: { createdAt: "ASC" } });
  }

  billingContacts(accountId: string) {
    return this.users.find({ where: { account: { id: accountId }, role: In(["owner", "admin"]) }, select: { id: true, email: true, fullName: true } });
  }

  userByEmail(email: string) {
    return this.users.findOne({ where: { email: email.trim().toLowerCase(), deletedAt: IsNull() }, relations: { account: true } });
  }

  authenticateKey(keyHash: string) {
    return this.apiKeys.findOne({ where: { keyHash, revokedAt: IsNull() }, relations: { account: true } });
  }

  listKeys(accountId: string) {
    return this.apiKeys.find({ where: { account: { id: accountId } }, order: { createdAt: "DESC" } });
  }

  createKey(accountId: string, createdById: string, keyPrefix: string, keyHash: string) {
    return this.apiKeys.save(this.apiKeys.create({ account: { id: accountId }, createdBy: { id: createdById }, keyPrefix, keyHash }));
  }
}
