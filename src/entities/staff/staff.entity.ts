import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';
import { Merchant } from '../merchant/merchant.entity.js';
import type { BusinessHours } from './business-hours.js';
import { LanguageMode, LanguageResponse, OutputLength, Tone } from './staff-enums.js';

type Defaulted =
  | 'tone'
  | 'outputLength'
  | 'languageMode'
  | 'languageResponse'
  | 'description'
  | 'greetings'
  | 'avatarUrl'
  | 'repoName'
  | 'repoDescr'
  | 'trialTime'
  | 'expiringTime'
  | 'editUser'
  | 'isFrozen'
  | 'isDeleted'
  | 'deletedAt'
  | 'humanFirst'
  | 'handoffPhrases'
  | 'synonyms'
  | 'businessHours';

/** An AI employee: a persona, a knowledge base, and the keys its chat clients use. */
@Entity({ tableName: 'staff' })
@Index({ properties: ['merchant', 'isDeleted'] })
export class Staff extends BaseEntity<Defaulted> {
  @ManyToOne(() => Merchant, { deleteRule: 'cascade' })
  merchant: Rel<Merchant>;

  @Property({ type: 'string', length: 32 })
  @Unique()
  serialNo: string;

  @Property({ type: 'string', length: 64 })
  @Unique()
  apiKey: string;

  @Property({ type: 'string', length: 96, hidden: true })
  secretKey: string;

  @Property({ type: 'string', length: 100 })
  name: string;

  @Property({ type: 'string', length: 100 })
  orgName: string;

  @Enum({ items: () => Tone, type: 'string' })
  tone: Tone = Tone.FRIENDLY_AND_SINCERE;

  @Enum({ items: () => OutputLength, type: 'string' })
  outputLength: OutputLength = OutputLength.NORMAL_LENGTH;

  @Enum({ items: () => LanguageMode, type: 'string' })
  languageMode: LanguageMode = LanguageMode.WRITTEN;

  @Enum({ items: () => LanguageResponse, type: 'string' })
  languageResponse: LanguageResponse = LanguageResponse.CHINESE;

  @Property({ type: 'text', default: '' })
  description = '';

  @Property({ type: 'text', default: '' })
  greetings = '';

  @Property({ type: 'string', length: 1024, default: '' })
  avatarUrl = '';

  @Property({ type: 'string', length: 100, default: '' })
  repoName = '';

  @Property({ type: 'text', default: '' })
  repoDescr = '';

  /** End of the free trial. */
  @Property({ type: 'datetime', nullable: true })
  trialTime: Date | null = null;

  /** End of the paid period. */
  @Property({ type: 'datetime', nullable: true })
  expiringTime: Date | null = null;

  @Property({ type: 'string', length: 64, default: '' })
  editUser = '';

  @Property({ type: 'boolean', default: false })
  isFrozen = false;

  @Property({ type: 'boolean', default: false })
  isDeleted = false;

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;

  /** Human-first mode: every new conversation goes straight to the agents' queue. */
  @Property({ type: 'boolean', default: false })
  humanFirst = false;

  /** The staff's own phrases that hand a conversation to a person, besides the built-in ones. */
  @Property({ type: 'json', default: '[]' })
  handoffPhrases: string[] = [];

  /** Groups of words that mean the same for this staff's answers, one group a line ("deliver, ship, 送货"). */
  @Property({ type: 'json', default: '[]' })
  synonyms: string[] = [];

  /** When its agents work (src/entities/staff/business-hours.ts); null: always. */
  @Property({ type: 'json', nullable: true })
  businessHours: BusinessHours | null = null;

  constructor(init: {
    merchant: Merchant;
    serialNo: string;
    apiKey: string;
    secretKey: string;
    name: string;
    orgName: string;
  }) {
    super();
    this.merchant = init.merchant;
    this.serialNo = init.serialNo;
    this.apiKey = init.apiKey;
    this.secretKey = init.secretKey;
    this.name = init.name;
    this.orgName = init.orgName;
  }

  markDeleted(now: Date): void {
    this.isDeleted = true;
    this.deletedAt = now;
  }
}
