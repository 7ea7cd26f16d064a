import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NoteAuthorKind } from '../../entities/helpdesk/session-note.entity.js';

registerEnumType(NoteAuthorKind, { name: 'NoteAuthorKind' });

@ObjectType('CannedReply', { description: 'A prepared reply; without staffId it serves every staff of the merchant' })
export class CannedReplyType {
  @Field(() => Int) id!: number;
  @Field() title!: string;
  @Field({ description: 'Typed to find it, e.g. "/refund"; unique per merchant' }) shortcut!: string;
  @Field() content!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  // Resolved: staffId.
}

@InputType()
export class CannedReplyCreateInput {
  @Field() title!: string;
  @Field() shortcut!: string;
  @Field() content!: string;
  @Field(() => Int, { nullable: true, description: 'Only for this staff' }) staffId?: number;
}

@InputType()
export class CannedReplyUpdateInput {
  @Field({ nullable: true }) title?: string;
  @Field({ nullable: true }) shortcut?: string;
  @Field({ nullable: true }) content?: string;
  @Field(() => Int, { nullable: true, description: 'null makes it shared by every staff' }) staffId?: number | null;
}

@ObjectType('Label', { description: "A merchant's label for sessions and contacts" })
export class LabelType {
  @Field(() => Int) id!: number;
  @Field() name!: string;
  @Field({ description: '#rrggbb' }) colour!: string;
  @Field() createdAt!: Date;
}

@InputType()
export class LabelInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true, description: '#rrggbb (default #808080)' }) colour?: string;
}

@ObjectType('SessionNote', { description: 'An internal note: seen by the merchant and its agents, never by the contact or the AI' })
export class SessionNoteType {
  @Field(() => Int) id!: number;
  @Field(() => Int, { description: 'The seq of the last message before the note' }) afterSeq!: number;
  @Field(() => NoteAuthorKind) authorKind!: NoteAuthorKind;
  @Field(() => Int, { description: 'The agent id, or the merchant id' }) authorId!: number;
  @Field() content!: string;
  @Field() createdAt!: Date;
}

@ObjectType('HandoffSummary', { description: 'What the contact asked and what the AI answered before a person took over' })
export class HandoffSummaryType {
  @Field() text!: string;
  @Field(() => [String], { description: "The contact's last questions (at most 3)" }) questions!: string[];
  @Field(() => [String], { description: "The AI's last answers (at most 2)" }) answers!: string[];
  @Field({ description: '"extractive", or "llm" when a language model wrote it' }) generatedBy!: string;
  @Field() createdAt!: Date;
}

@ObjectType('SuggestedReply')
export class SuggestedReplyType {
  @Field() text!: string;
  @Field({ description: 'False when the knowledge base did not answer it' }) grounded!: boolean;
  @Field(() => Float) confidence!: number;
  @Field() answerer!: string;
}

@ObjectType('HandoffReasonCount')
export class HandoffReasonCountType {
  @Field() reason!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('ReportFigures')
export class ReportFiguresType {
  @Field(() => Int) conversations!: number;
  @Field(() => Int, { description: 'Sessions no person took: the AI alone answered' }) aiOnly!: number;
  @Field(() => Float, { description: 'aiOnly / conversations, 0–1' }) aiOnlyRate!: number;
  @Field(() => Int) handedOff!: number;
  @Field(() => Float, { description: 'handedOff / conversations, 0–1' }) handoffRate!: number;
  @Field(() => [HandoffReasonCountType]) handoffReasons!: HandoffReasonCountType[];
  @Field(() => Float, { nullable: true, description: 'Seconds from entering the queue to being accepted' }) avgQueueWaitSeconds!: number | null;
  @Field(() => Float, { nullable: true, description: "Seconds from entering the queue (or a takeover) to the agent's first message" }) avgFirstResponseSeconds!: number | null;
  @Field(() => Float, { nullable: true, description: 'Seconds from start to close, closed sessions only' }) avgResolutionSeconds!: number | null;
  @Field(() => Float, { nullable: true }) csatAverage!: number | null;
  @Field(() => Int) csatCount!: number;
}

@ObjectType('ReportRow')
export class ReportRowType extends ReportFiguresType {
  @Field(() => Int, { description: 'The staff or agent id' }) id!: number;
  @Field() name!: string;
}

@ObjectType('ReportDay')
export class ReportDayType extends ReportFiguresType {
  @Field({ description: 'YYYY-MM-DD in the report time zone' }) day!: string;
}

@ObjectType('BusyHour')
export class BusyHourType {
  @Field(() => Int, { description: '0–23 in the report time zone' }) hour!: number;
  @Field(() => Int, { description: 'Sessions started in that hour' }) conversations!: number;
  @Field(() => Int) contactMessages!: number;
}

@ObjectType('HelpdeskReport')
export class ReportType {
  @Field() from!: Date;
  @Field() to!: Date;
  @Field() timeZone!: string;
  @Field(() => ReportFiguresType) total!: ReportFiguresType;
  @Field(() => [ReportRowType]) byStaff!: ReportRowType[];
  @Field(() => [ReportRowType], { description: 'By the agent that holds or last held the session' }) byAgent!: ReportRowType[];
  @Field(() => [ReportDayType], { description: 'Days with sessions, in order (in the report time zone): volume and quality over time' }) byDay!: ReportDayType[];
  @Field(() => [BusyHourType], { description: 'Hours with activity, busiest first' }) busiestHours!: BusyHourType[];
}

@InputType()
export class ReportInput {
  @Field({ description: 'Sessions started at or after' }) from!: Date;
  @Field({ description: 'Sessions started before' }) to!: Date;
  @Field(() => Int, { nullable: true }) staffId?: number;
  @Field({ nullable: true, description: 'For byDay and busiestHours; default the TIMEZONE setting' }) timeZone?: string;
}
