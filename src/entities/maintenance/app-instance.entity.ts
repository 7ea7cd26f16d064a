import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One running server process. It refreshes `heartbeatAt` (database time) every sweep; a row that stops
 * being refreshed belongs to a process that died, and what it claimed (agents' presence) is released.
 */
@Entity({ tableName: 'app_instance' })
export class AppInstance {
  @PrimaryKey({ type: 'string', length: 64 })
  id: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  startedAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  heartbeatAt: Date = new Date();

  constructor(id: string) {
    this.id = id;
  }
}
