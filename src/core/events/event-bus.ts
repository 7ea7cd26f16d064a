import { createPubSub, type PubSub } from '@graphql-yoga/subscription';

export const StaffChangeKind = {
  Created: 'CREATED',
  Updated: 'UPDATED',
  Frozen: 'FROZEN',
  Unfrozen: 'UNFROZEN',
  Deleted: 'DELETED',
} as const;
export type StaffChangeKind = (typeof StaffChangeKind)[keyof typeof StaffChangeKind];

/** Domain events; each carries its tenant so every rendering can filter by it. */
export type DomainEvents = {
  STAFF_CHANGED: [{ merchantId: number; staffId: number; kind: StaffChangeKind }];
};

export type EventBus = PubSub<DomainEvents>;

/** In-process now; a Redis event target behind the same interface serves several instances. */
export function createEventBus(): EventBus {
  return createPubSub<DomainEvents>();
}
