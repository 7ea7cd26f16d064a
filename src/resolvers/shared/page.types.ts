import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: 'Offset paging; pageNo starts at 0' })
export class PageInput {
  @Field(() => Int, { nullable: true, defaultValue: 0 })
  pageNo?: number;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  pageSize?: number;
}
