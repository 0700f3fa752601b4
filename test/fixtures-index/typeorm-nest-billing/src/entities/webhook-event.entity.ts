import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "webhook_events" })
export class WebhookEvent {
  @PrimaryGeneratedColumn() id!: number;

  @Index("uq_webhook_events_event_id", { unique: true }) @Column({ name: "event_id" }) eventId!: string;

  @Column() type!: string;

  @Column({ type: "jsonb" }) payload!: Record<string, unknown>;

  @Column({ type: "int", default: 0 }) attempts!: number;

  @Column({ name: "processed_at", type: "timestamptz", nullable: true }) processedAt!: Date | null;

  @Index("idx_webhook_events_received") @CreateDateColumn({ name: "received_at", type: "timestamptz" }) receivedAt!: Date;
}
