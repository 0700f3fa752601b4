import { AllowNull, BelongsTo, Column, DataType, ForeignKey, HasMany, Model, Table, Unique } from "sequelize-typescript";
import { Job } from "./hiring";

export type UserRole = "admin" | "recruiter" | "interviewer";

/** A client company of the agency. */
@Table({ tableName: "companies", underscored: true })
export class Company extends Model {
  @AllowNull(false) @Column(DataType.STRING(160)) name!: string;

  @Unique @AllowNull(false) @Column(DataType.STRING(80)) slug!: string;

  /** Used to attach people who sign up with a work address to their company. */
  @Column(DataType.STRING(120)) emailDomain!: string | null;

  @HasMany(() => Job) jobs?: Job[];
}

/** Recruiters and hiring managers. */
@Table({ tableName: "users", underscored: true, paranoid: true })
export class User extends Model {
  @ForeignKey(() => Company) @AllowNull(false) @Column(DataType.INTEGER) companyId!: number;

  @BelongsTo(() => Company) company?: Company;

  @Unique @AllowNull(false) @Column(DataType.STRING(191)) email!: string;

  @AllowNull(false) @Column(DataType.STRING(120)) name!: string;

  @AllowNull(false) @Column(DataType.ENUM("admin", "recruiter", "interviewer")) role!: UserRole;
}
