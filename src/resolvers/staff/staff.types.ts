import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { StaffChangeKind } from '../../core/events/event-bus.js';
import { LanguageMode, LanguageResponse, OutputLength, StaffState, Tone } from '../../entities/staff/staff-enums.js';
import { StaffChangeKindEnum } from '../shared/enums.js';
import { BusinessHoursInput, BusinessHoursType } from './business-hours.types.js';

/** Fields a chat widget may see; shared by the owner's view and the public lookup. */
@ObjectType('PublicStaff', { description: 'What anyone may see of a staff, looked up by serial number: never its keys' })
export class PublicStaffType {
  @Field(() => Int) id!: number;
  @Field() serialNo!: string;
  @Field() name!: string;
  @Field() orgName!: string;
  @Field(() => Tone) tone!: Tone;
  @Field(() => OutputLength) outputLength!: OutputLength;
  @Field(() => LanguageMode) languageMode!: LanguageMode;
  @Field(() => LanguageResponse) languageResponse!: LanguageResponse;
  @Field() description!: string;
  @Field() greetings!: string;
  @Field() avatarUrl!: string;
  @Field() repoName!: string;
  @Field() repoDescr!: string;
  @Field(() => Date, { nullable: true }) trialTime!: Date | null;
  @Field(() => Date, { nullable: true }) expiringTime!: Date | null;
  @Field() isFrozen!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved by field resolvers:
  state?: StaffState;
  chatUrl?: string;
}

@ObjectType('Staff', { description: "An AI employee of the caller's merchant" })
export class StaffType extends PublicStaffType {
  @Field() apiKey!: string;
  @Field() secretKey!: string;
  @Field() editUser!: string;
  @Field() isDeleted!: boolean;
  @Field({ description: 'Every new conversation goes straight to the agents' }) humanFirst!: boolean;
  @Field(() => [String], { description: "Phrases that hand a conversation to a person, besides the built-in ones" }) handoffPhrases!: string[];
  @Field(() => [String], { description: 'Groups of words that mean the same in questions and documents, one group an item ("deliver, ship, 送货")' })
  synonyms!: string[];
  @Field(() => BusinessHoursType, { nullable: true, description: 'Null: the agents are always there' }) businessHours!: BusinessHoursType | null;
}

@ObjectType()
export class StaffPage {
  @Field(() => [StaffType]) items!: StaffType[];
  @Field(() => Int, { description: 'Matching staff over all pages' }) total!: number;
  @Field(() => Int) pageNo!: number;
  @Field(() => Int) pageSize!: number;
}

@ObjectType()
export class StaffChangeEvent {
  @Field(() => StaffChangeKindEnum) kind!: StaffChangeKind;
  @Field(() => Int) staffId!: number;
  @Field(() => StaffType, { nullable: true }) staff!: StaffType | null;
}

@InputType()
export class StaffFilterInput {
  @Field(() => Int, { nullable: true }) id?: number;
  @Field({ nullable: true, description: 'Part of the name, any case' }) name?: string;
  @Field({ nullable: true }) serialNo?: string;
}

@InputType()
export class StaffCreateInput {
  @Field() name!: string;
  @Field() orgName!: string;
  @Field(() => Tone, { nullable: true }) tone?: Tone;
  @Field(() => OutputLength, { nullable: true }) outputLength?: OutputLength;
  @Field(() => LanguageMode, { nullable: true }) languageMode?: LanguageMode;
  @Field(() => LanguageResponse, { nullable: true }) languageResponse?: LanguageResponse;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) greetings?: string;
  @Field({ nullable: true }) avatarUrl?: string;
  @Field({ nullable: true }) repoName?: string;
  @Field({ nullable: true }) repoDescr?: string;
  @Field({ nullable: true }) humanFirst?: boolean;
  @Field(() => [String], { nullable: true }) handoffPhrases?: string[];
  @Field(() => [String], { nullable: true }) synonyms?: string[];
  @Field(() => BusinessHoursInput, { nullable: true }) businessHours?: BusinessHoursInput | null;
}

@InputType({ description: 'Only the fields given change' })
export class StaffUpdateInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) orgName?: string;
  @Field(() => Tone, { nullable: true }) tone?: Tone;
  @Field(() => OutputLength, { nullable: true }) outputLength?: OutputLength;
  @Field(() => LanguageMode, { nullable: true }) languageMode?: LanguageMode;
  @Field(() => LanguageResponse, { nullable: true }) languageResponse?: LanguageResponse;
  @Field({ nullable: true }) description?: string;
  @Field({ nullable: true }) greetings?: string;
  @Field({ nullable: true }) avatarUrl?: string;
  @Field({ nullable: true }) repoName?: string;
  @Field({ nullable: true }) repoDescr?: string;
  @Field({ nullable: true }) humanFirst?: boolean;
  @Field(() => [String], { nullable: true }) handoffPhrases?: string[];
  @Field(() => [String], { nullable: true }) synonyms?: string[];
  @Field(() => BusinessHoursInput, { nullable: true }) businessHours?: BusinessHoursInput | null;
}
