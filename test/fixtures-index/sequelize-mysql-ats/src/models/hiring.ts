import { AllowNull, BelongsTo, Column, DataType, Default, ForeignKey, HasMany, Model, Scopes, Table, Unique } from "sequelize-typescript";
import { Company, User } from "./org";

export type JobStatus = "draft" | "open" | "closed";
export type Stage = "applied" | "screening" | "interview" | "offer" | "hired" | "rejected";
export type CandidateSource = "careers_site" | "referral" | "sourced" | "agency";
export type InterviewStatus = "scheduled" | "completed" | "cancelled" | "no_show";

@Scopes(() => ({ published: { where: { status: "open" } } }))
@Table({ tableName: "jobs", underscored: true, paranoid: true, indexes: [{ name: "jobs_status_published_at", fields: ["status", "published_at"] }] })
export class Job extends Model {
  @ForeignKey(() => Company) @AllowNull(false) @Column(DataType.INTEGER) companyId!: number;

  @BelongsTo(() => Company) company?: Company;

  @AllowNull(false) @Column(DataType.STRING(200)) title!: string;

  @Column(DataType.STRING(120)) location!: string | null;

  @Default(false) @Column(DataType.BOOLEAN) remote!: boolean;

  @Default("draft") @Column(DataType.ENUM("draft", "open", "closed")) status!: JobStatus;

  @Column(DataType.DATE) publishedAt!: Date | null;

  @Column(DataType.DATE) closesAt!: Date | null;

  @HasMany(() => Application) applications?: Application[];
}

/** The agency's shared talent pool: one row per person, whatever company they apply to. */
@Table({ tableName: "candidates", underscored: true, paranoid: true })
export class Candidate extends Model {
  @Unique @AllowNull(false) @Column(DataType.STRING(191)) email!: string;

  @AllowNull(false) @Column(DataType.STRING(160)) fullName!: string;

  @Column(DataType.STRING(32)) phone!: string | null;

  @Column(DataType.STRING(255)) linkedinUrl!: string | null;

  @Default("careers_site") @Column(DataType.ENUM("careers_site", "referral", "sourced", "agency")) source!: CandidateSource;

  @HasMany(() => Application) applications?: Application[];
}

@Table({ tableName: "applications", underscored: true, paranoid: true })
export class Application extends Model {
  @ForeignKey(() => Job) @AllowNull(false) @Column(DataType.INTEGER) jobId!: number;

  @BelongsTo(() => Job) job?: Job;

  @ForeignKey(() => Candidate) @AllowNull(false) @Column(DataType.INTEGER) candidateId!: number;

  @BelongsTo(() => Candidate) candidate?: Candidate;

  /** Employee who referred the candidate; kept without a constraint because referrers come from the HR system. */
  @Column(DataType.INTEGER) referrerId!: number | null;

  @BelongsTo(() => User, { foreignKey: "referrerId", constraints: false }) referrer?: User; // expect: unindexed-foreign-key

  @Default("applied") @Column(DataType.ENUM("applied", "screening", "interview", "offer", "hired", "rejected")) stage!: Stage;

  @AllowNull(false) @Column(DataType.DATE) appliedAt!: Date;

  @Column(DataType.DATE) rejectedAt!: Date | null;

  @HasMany(() => Interview) interviews?: Interview[];
}

@Table({ tableName: "interviews", underscored: true })
export class Interview extends Model {
  @ForeignKey(() => Application) @AllowNull(false) @Column(DataType.INTEGER) applicationId!: number;

  @BelongsTo(() => Application) application?: Application;

  @ForeignKey(() => User) @AllowNull(false) @Column(DataType.INTEGER) interviewerId!: number;

  @BelongsTo(() => User, "interviewerId") interviewer?: User;

  @AllowNull(false) @Column(DataType.DATE) scheduledAt!: Date;

  @Default(45) @Column(DataType.INTEGER) durationMin!: number;

  @Default("scheduled") @Column(DataType.ENUM("scheduled", "completed", "cancelled", "no_show")) status!: InterviewStatus;

  /** Id of the event in the interviewer's Google / Outlook calendar. */
  @Column(DataType.STRING(128)) calendarEventId!: string | null;
}
