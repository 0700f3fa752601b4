import { Body, Controller, Get, Param, Post, Query } from "@nestjs/common";
import { createHash, randomBytes } from "node:crypto";
import { AccountsService } from "./accounts.service";

@Controller("accounts")
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get("search")
  search(@Query("q") q: string, @Query("fuzzy") fuzzy?: string) {
    return fuzzy === "1" ? this.accounts.fuzzySearch(q) : this.accounts.adminSearch(q);
  }

  @Get("recent")
  recent() {
    return this.accounts.recentSignups();
  }

  @Get("resolve/:key")
  resolve(@Param("key") key: string) {
    return this.accounts.resolve(key);
  }

  @Get(":slug/members")
  async members(@Param("slug") slug: string) {
    const account = await this.accounts.bySlug(slug);
    return this.accounts.members(account.id);
  }

  @Get(":slug/api-keys")
  async keys(@Param("slug") slug: string) {
    const account = await this.accounts.bySlug(slug);
    return this.accounts.listKeys(account.id);
  }

  @Post(":slug/api-keys")
  async createKey(@Param("slug") slug: string, @Body() body: { createdById: string }) {
    const account = await this.accounts.bySlug(slug);
    const secret = `sk_${randomBytes(24).toString("hex")}`;
    await this.accounts.createKey(account.id, body.createdById, secret.slice(0, 12), createHash("sha256").update(secret).digest("hex"));
    return { secret };
  }
}
