import { Column, CreateDateColumn, DeleteDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, RelationId } from "typeorm";
import { Account } from "./account.entity";

export type UserRole = "owner" | "admin" | "member";
export type UserStatus = "active" | "invited" | "disabled";

/** E-mails are unique among live users only: a deleted user may sign up again. */
@Entity({ name: "users" })
@Index("uq_users_email_live", ["email"], { unique: true, where: '"deleted_at" IS NULL' })
export class User {
  @PrimaryGeneratedColumn("uuid") id!: string;

  @Column() email!: string;

  @Column({ name: "full_name" }) fullName!: string;

  @Column({ type: "varchar", length: 16, default: "member" }) role!: UserRole;

  @Column({ type: "varchar", length: 16, default: "active" }) status!: UserStatus;

  @Index("idx_users_account") @ManyToOne(() => Account, (account) => account.users, { onDelete: "CASCADE" }) @JoinColumn({ name: "account_id" }) account!: Account;

  @RelationId((user: User) => user.account) accountId!: string;

  @Column({ name: "last_login_at", type: "timestamptz", nullable: true }) lastLoginAt!: Date | null;

  @DeleteDateColumn({ name: "deleted_at", type: "timestamptz" }) deletedAt!: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" }) createdAt!: Date;
}
