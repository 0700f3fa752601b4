import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from "typeorm";

export type MemberRole = "owner" | "editor" | "viewer";
export type DocumentStatus = "draft" | "published" | "archived";

@Entity({ name: "workspaces" })
export class Workspace {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ unique: true })
  slug: string;

  @Column()
  name: string;

  @Column({ type: "int", default: 10240 })
  quotaMb: number;

  @CreateDateColumn()
  createdAt: Date;
}

@Entity({ name: "members" })
@Unique(["workspace", "email"])
export class Member {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @ManyToOne(() => Workspace, { onDelete: "CASCADE" })
  workspace: Workspace;

  @Column()
  email: string;

  @Column()
  displayName: string;

  @Column({ type: "varchar", length: 16, default: "viewer" })
  role: MemberRole;

  @CreateDateColumn()
  joinedAt: Date;
}

@Entity({ name: "folders" })
@Index(["workspace", "name"])
@Index(["parent", "position"])
export class Folder {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @ManyToOne(() => Workspace, { onDelete: "CASCADE" })
  workspace: Workspace;

  @ManyToOne(() => Folder, { nullable: true, onDelete: "CASCADE" })
  parent: Folder | null;

  @Column()
  name: string;

  @Column({ type: "int", default: 0 })
  position: number;

  @CreateDateColumn()
  createdAt: Date;
}

@Entity({ name: "documents" })
@Index(["folder", "updatedAt"])
@Index(["owner", "status"])
@Index(["status", "updatedAt"])
export class Document {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @ManyToOne(() => Folder, { onDelete: "CASCADE" })
  folder: Folder;

  @ManyToOne(() => Member)
  owner: Member;

  @Column()
  title: string;

  @Column({ type: "varchar", length: 16, default: "draft" })
  status: DocumentStatus;

  @Column()
  mimeType: string;

  @Column({ type: "int" })
  sizeBytes: number;

  @Column()
  storageKey: string;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@Entity({ name: "audit_events" })
@Index(["workspace", "createdAt"])
export class AuditEvent {
  @PrimaryGeneratedColumn("increment")
  id: number;

  @ManyToOne(() => Workspace, { onDelete: "CASCADE" })
  workspace: Workspace;

  @ManyToOne(() => Member, { nullable: true, onDelete: "SET NULL" }) actor: Member | null; // expect: unindexed-foreign-key

  @Column()
  action: string;

  @Column({ type: "jsonb", default: {} })
  details: Record<string, unknown>;

  @CreateDateColumn()
  createdAt: Date;
}
