import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('OpeningRange', { description: 'One opening on a weekday, in local time of the staff zone' })
export class OpeningRangeType {
  @Field(() => Int, { description: 'ISO weekday: 1 Monday … 7 Sunday' }) day!: number;
  @Field({ description: '"HH:mm"' }) open!: string;
  @Field({ description: '"HH:mm", after open; "24:00" ends the day' }) close!: string;
}

@ObjectType('BusinessHours', { description: "When the staff's agents work; outside them a handoff leaves an offline message" })
export class BusinessHoursType {
  @Field({ description: 'IANA time zone, e.g. "Asia/Shanghai"' }) timeZone!: string;
  @Field(() => [OpeningRangeType]) weekly!: OpeningRangeType[];
  @Field(() => [String], { description: 'Local dates "YYYY-MM-DD" without agents' }) holidays!: string[];
}

@InputType()
export class OpeningRangeInput {
  @Field(() => Int) day!: number;
  @Field() open!: string;
  @Field() close!: string;
}

@InputType({ description: 'Business hours; send null to make the agents always available' })
export class BusinessHoursInput {
  @Field() timeZone!: string;
  @Field(() => [OpeningRangeInput]) weekly!: OpeningRangeInput[];
  @Field(() => [String], { nullable: true }) holidays?: string[];
}
