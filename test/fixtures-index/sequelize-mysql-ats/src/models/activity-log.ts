import { AllowNull, BelongsTo, Column, DataType, Model, Table } from "sequelize-typescript";
import { Company, User } from "./org";

/**
 * Append-only, high-volume. No foreign key constraints on purpose (bulk inserts
 * from the import jobs and the table is archived by partition later), see
 * migration 20240115093000-create-activity-logs.
 */
@Table({ tableName: "activity_logs", underscored: true, updatedAt: false })
export class ActivityLog extends Model {
  @AllowNull(false) @Column(DataType.INTEGER) companyId!: number;

  @BelongsTo(() => Company, { foreignKey: "companyId", constraints: false }) company?: Company;

  @Column(DataType.INTEGER) actorId!: number | null;

  @BelongsTo(() => User, { foreignKey: "actorId", constraints: false }) actor?: User; // expect: unindexed-foreign-key

  @AllowNull(false) @Column(DataType.STRING(64)) action!: string;

  @AllowNull(false) @Column(DataType.STRING(32)) subjectType!: string;

  @AllowNull(false) @Column(DataType.INTEGER) subjectId!: number;

  @Column(DataType.JSON) meta!: Record<string, unknown> | null;
}
