import type { AppConfig } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import type { Services } from '../services/index.js';
import { agentConsoleSockets } from './agent-console/agent-console.socket.js';
import { AgentHub } from './agents/agent-hub.js';
import type { ConsoleRegistry } from './agents/console-registry.js';
import { chatRoutes } from './chat/chat.socket.js';
import type { UpgradeRoute } from './upgrade.js';
import { workbenchRoutes } from './workbench/workbench.socket.js';

export interface LegacyWebSockets {
  routes: UpgradeRoute[];
  /** Also listens on AGENT_WS_PORT when it is set; answers the port, or null. */
  listenAgentPort(): Promise<number | null>;
  close(): Promise<void>;
}

/** Every legacy WebSocket surface as upgrade routes, sharing one hub that renders the domain events. */
export function legacyWebSockets(deps: { services: Services; registry: ConsoleRegistry; config: AppConfig; log: Logger }): LegacyWebSockets {
  const { services, log } = deps;
  const hub = new AgentHub(services, log.child({ component: 'agent-hub' }));
  hub.start();
  const chat = chatRoutes(services, log);
  const workbench = workbenchRoutes(services, hub, log.child({ component: 'workbench' }));
  const console = agentConsoleSockets({ ...deps, hub });
  return {
    routes: [...chat.routes, ...workbench.routes, { path: '/ws/kf', handle: console.upgrade }],
    listenAgentPort: () => console.listenOwnPort(),
    close: async () => {
      await Promise.all([chat.close(), workbench.close(), console.close()]);
      hub.stop();
    },
  };
}
