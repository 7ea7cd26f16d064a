/**
 * Who holds each agent's console login. One login per agent: a second one is
 * refused unless forced, and a forced one takes the slot. In-process for one
 * node; a Redis implementation of the same interface spans instances.
 */
export interface ConsoleRegistry {
  /** Takes the agent's slot for `clientId`; false if another connection holds it and `force` is off. */
  claim(agentId: number, clientId: string, force: boolean): Promise<boolean>;
  /** Frees the slot if `clientId` still holds it. */
  release(agentId: number, clientId: string): Promise<void>;
  /** Keeps a held slot alive (beats). */
  touch(agentId: number, clientId: string): Promise<void>;
  holder(agentId: number): Promise<string | null>;
  close(): Promise<void>;
}

export class MemoryConsoleRegistry implements ConsoleRegistry {
  private readonly slots = new Map<number, string>();

  async claim(agentId: number, clientId: string, force: boolean): Promise<boolean> {
    const held = this.slots.get(agentId);
    if (held && held !== clientId && !force) return false;
    this.slots.set(agentId, clientId);
    return true;
  }

  async release(agentId: number, clientId: string): Promise<void> {
    if (this.slots.get(agentId) === clientId) this.slots.delete(agentId);
  }

  async touch(): Promise<void> {}

  async holder(agentId: number): Promise<string | null> {
    return this.slots.get(agentId) ?? null;
  }

  async close(): Promise<void> {}
}
