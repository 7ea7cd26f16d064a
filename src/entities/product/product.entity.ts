import { BigIntType, Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../base.entity.js';

/** 0=待上架 1=已上架 2=已下架, as in the seed. */
export enum ProductState {
  DRAFT = 0,
  ON_SALE = 1,
  OFF_SALE = 2,
}

export enum ProductLanguage {
  ZH_CN = 'zh-CN',
  EN = 'en',
}

type Defaulted = 'state' | 'language' | 'description' | 'trialDays' | 'isDeleted' | 'editUser';

/** A paid package: price and the period it buys for one staff. */
@Entity({ tableName: 'product' })
@Index({ properties: ['isDeleted', 'state'] })
export class Product extends BaseEntity<Defaulted> {
  @Property({ type: 'string', length: 32 })
  @Unique()
  serialNo: string;

  @Property({ type: 'string', length: 100 })
  name: string;

  /** Integer minor units (fen, cents): money never touches floating point. */
  @Property({ type: new BigIntType('number') })
  priceMinor: number;

  @Property({ type: 'string', length: 3 })
  currency: string;

  @Enum({ items: () => ProductState, type: 'integer' })
  state: ProductState = ProductState.DRAFT;

  @Enum({ items: () => ProductLanguage, type: 'string' })
  language: ProductLanguage = ProductLanguage.ZH_CN;

  @Property({ type: 'text', default: '' })
  description = '';

  @Property({ type: 'integer', default: 0 })
  trialDays = 0;

  @Property({ type: 'integer' })
  expiringDays: number;

  @Property({ type: 'boolean', default: false })
  isDeleted = false;

  @Property({ type: 'string', length: 64 })
  createUser: string;

  @Property({ type: 'string', length: 64, default: '' })
  editUser = '';

  constructor(init: {
    serialNo: string;
    name: string;
    priceMinor: number;
    currency: string;
    expiringDays: number;
    createUser: string;
  }) {
    super();
    this.serialNo = init.serialNo;
    this.name = init.name;
    this.priceMinor = init.priceMinor;
    this.currency = init.currency;
    this.expiringDays = init.expiringDays;
    this.createUser = init.createUser;
    this.editUser = init.createUser;
  }
}
