import { Field, ID, ObjectType } from "@nestjs/graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType()
@Entity("agents")
export class Agent {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Field()
  @Column()
  displayName: string;

  @Column({ unique: true })
  email: string;

  @Field()
  @Column({ default: "tier1" })
  team: string;

  @Column({ default: true })
  active: boolean;
}
