import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AgentStatus } from '../../entities/agent/agent.entity.js';

registerEnumType(AgentStatus, { name: 'AgentStatus' });

@ObjectType('Agent', { description: "A merchant's human agent" })
export class AgentType {
  @Field(() => Int) id!: number;
  @Field() userName!: string;
  @Field() name!: string;
  @Field() avatarUrl!: string;
  @Field(() => AgentStatus) status!: AgentStatus;
  @Field() autoAccept!: boolean;
  @Field(() => Int) maxSessions!: number;
  @Field() createdAt!: Date;
  // Resolved by field resolvers:
  staffIds?: number[];
  load?: number;
}

@ObjectType()
export class AgentPage {
  @Field(() => [AgentType]) items!: AgentType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType()
export class AgentAuthPayload {
  @Field() token!: string;
  @Field() expiresAt!: Date;
  @Field(() => AgentType) agent!: AgentType;
}

@ObjectType({ description: "An agent's presence changed (login, logout, status)" })
export class AgentPresenceEvent {
  @Field(() => Int) agentId!: number;
  @Field() name!: string;
  @Field(() => AgentStatus) status!: AgentStatus;
  @Field() kind!: string;
}

@InputType()
export class AgentCreateInput {
  @Field() userName!: string;
  @Field() password!: string;
  @Field() name!: string;
  @Field(() => [Int], { nullable: true }) staffIds?: number[];
  @Field(() => Int, { nullable: true }) maxSessions?: number;
  @Field({ nullable: true }) avatarUrl?: string;
  @Field({ nullable: true }) autoAccept?: boolean;
}

@InputType({ description: 'Only the fields given change' })
export class AgentUpdateInput {
  @Field({ nullable: true }) userName?: string;
  @Field({ nullable: true }) password?: string;
  @Field({ nullable: true }) name?: string;
  @Field(() => [Int], { nullable: true }) staffIds?: number[];
  @Field(() => Int, { nullable: true }) maxSessions?: number;
  @Field({ nullable: true }) avatarUrl?: string;
  @Field({ nullable: true }) autoAccept?: boolean;
}
