import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CodePurpose } from '../../entities/auth/verification-code.entity.js';
import { AgentType } from '../agent/agent.types.js';
import { CodePurposeEnum, Role } from '../shared/enums.js';

@ObjectType('Merchant')
export class MerchantType {
  @Field(() => Int) id!: number;
  @Field() userName!: string;
  @Field() email!: string;
  @Field() isFrozen!: boolean;
  @Field() createdAt!: Date;
}

@ObjectType()
export class MerchantPage {
  @Field(() => [MerchantType]) items!: MerchantType[];
  @Field(() => Int) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType('Admin')
export class AdminType {
  @Field(() => Int) id!: number;
  @Field() userName!: string;
}

@ObjectType({ description: 'The caller, as its token identifies it' })
export class Viewer {
  @Field(() => Role) role!: Role;
  @Field(() => MerchantType, { nullable: true }) merchant?: MerchantType | null;
  @Field(() => AdminType, { nullable: true }) admin?: AdminType | null;
  @Field(() => AgentType, { nullable: true }) agent?: AgentType | null;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>` or `Auth-Token`; valid on every surface' })
  token!: string;

  @Field() expiresAt!: Date;
  @Field(() => Role) role!: Role;
}

@InputType()
export class SendCodeInput {
  @Field() email!: string;
  @Field({ nullable: true }) userName?: string;
  @Field(() => CodePurposeEnum, { defaultValue: CodePurpose.Register }) purpose!: CodePurpose;
  @Field({ nullable: true, description: 'en or zh-CN', defaultValue: 'en' }) language?: string;
}

@InputType()
export class RegisterInput {
  @Field() userName!: string;
  @Field({ description: 'As the client hashes it (the legacy clients send an MD5 hex)' }) password!: string;
  @Field() email!: string;
  @Field() code!: string;
}

@InputType()
export class LoginInput {
  @Field({ description: 'User name or e-mail' }) userName!: string;
  @Field() password!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() email!: string;
  @Field() code!: string;
  @Field() password!: string;
}
