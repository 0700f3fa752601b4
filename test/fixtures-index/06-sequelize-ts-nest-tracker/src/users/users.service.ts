import { Controller, Get, Injectable, Param, ParseIntPipe, Query } from "@nestjs/common";
import { InjectModel } from "@nestjs/sequelize";
import { Op } from "sequelize";
import { User, Workspace } from "../models/workspace.model";
import { Notification } from "../models/activity.model";

interface Presence {
  userId: number;
  workspaceId: number;
  lastPing: Date;
}

// Websocket presence, held in process memory. Model-like names, no table behind it.
export class PresenceStore {
  private readonly byUser = new Map<number, Presence>();

  ping(userId: number, workspaceId: number): void {
    this.byUser.set(userId, { userId, workspaceId, lastPing: new Date() });
  }

  findAll(options: { where: { workspaceId: number } }): Presence[] {
    const cutoff = Date.now() - 60_000;
    return [...this.byUser.values()].filter((p) => p.workspaceId === options.where.workspaceId && p.lastPing.getTime() > cutoff);
  }

  findByPk(userId: number): Presence | undefined {
    return this.byUser.get(userId);
  }
}

@Injectable()
export class UsersService {
  readonly presence = new PresenceStore();

  constructor(
    @InjectModel(User) private readonly users: typeof User,
    @InjectModel(Workspace) private readonly workspaces: typeof Workspace,
    @InjectModel(Notification) private readonly notifications: typeof Notification,
  ) {}

  byEmail(email: string) {
    return this.users.findOne({ where: { email } });
  }

  workspaceBySlug(slug: string) {
    return this.workspaces.findOne({ where: { slug } });
  }

  // GDPR retention job: accounts without a login for two years.
  dormantAccounts(cutoff: Date) {
    return this.users.findAll({ where: { lastLoginAt: { [Op.lt]: cutoff } }, attributes: ["id", "email"], limit: 1000 }); // expect: unindexed-filter
  }

  inbox(userId: number) {
    return this.notifications.findAll({ where: { userId }, order: [["createdAt", "DESC"]], limit: 30 });
  }

  unreadCount(userId: number) {
    return this.notifications.count({ where: { userId, readAt: null } });
  }

  unreadTotal() {
    return this.notifications.count({ where: { readAt: null } });
  }

  online(workspaceId: number) {
    return this.presence.findAll({ where: { workspaceId } });
  }

  isOnline(userId: number) {
    return Boolean(this.presence.findByPk(userId));
  }
}

@Controller("users")
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get("by-email")
  byEmail(@Query("email") email: string) {
    return this.users.byEmail(email);
  }

  @Get(":id/inbox")
  async inbox(@Param("id", ParseIntPipe) id: number) {
    return { unread: await this.users.unreadCount(id), items: await this.users.inbox(id), online: this.users.isOnline(id) };
  }

  @Get("online/:workspaceSlug")
  async online(@Param("workspaceSlug") slug: string) {
    const ws = await this.users.workspaceBySlug(slug);
    return ws ? this.users.online(ws.id) : [];
  }

  @Get("admin/dormant")
  dormant() {
    return this.users.dormantAccounts(new Date(Date.now() - 2 * 365 * 86_400_000));
  }

  @Get("admin/unread-total")
  async unreadTotal() {
    return { unread: await this.users.unreadTotal() };
  }
}
