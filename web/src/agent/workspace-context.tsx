import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useAuth } from '../core/auth-context';
import type { WorkspaceSessionFragment } from '../gql/graphql';
import { AgentMe, SessionChanged, WorkspaceSessions } from './agent-operations';
import { chime, enableSound } from './lib/arrival-sound';
import { arrivals, queueOrder } from './lib/queue';
import { subscribeResumable, watchSocket, type SocketState } from './lib/resumable';
import { followSessions } from './lib/session-follow';

export type WorkspaceSession = WorkspaceSessionFragment;

interface Workspace {
  agent: { id: number; name: string; status: string; autoAccept: boolean } | null;
  queue: (WorkspaceSession & { position: number })[];
  mine: WorkspaceSession[];
  session(id: number): WorkspaceSession | undefined;
  /** A session as a mutation answered it, applied before its change event arrives. */
  put(session: WorkspaceSession): void;
  socket: SocketState;
  sound: boolean;
  setSound(on: boolean): void;
}

const WorkspaceContext = createContext<Workspace | null>(null);
const SOUND_KEY = 'cs-web-agent-sound';

/** The agent's sessions, kept current by `sessionChanged` and resumed after a drop (lib/session-follow.ts). */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const { connection } = useAuth();
  const client = useClient();
  const [{ data: me }] = useQuery({ query: AgentMe });
  const agentId = me?.agentMe.id;
  const [sessions, setSessions] = useState<ReadonlyMap<number, WorkspaceSession>>(new Map());
  const [socket, setSocket] = useState<SocketState>('connecting');
  const [sound, setSoundState] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');

  useEffect(() => {
    if (!agentId) return;
    const following = followSessions<WorkspaceSession>({
      subscribe: (since, sink) =>
        subscribeResumable(connection.ws, SessionChanged, () => ({ since: since() }), { next: (d) => sink.next(d.sessionChanged), error: sink.error }),
      load: async () => {
        const r = await client.query(WorkspaceSessions, { agentId }, { requestPolicy: 'network-only' }).toPromise();
        return r.data ? [...r.data.waiting.items, ...r.data.mine.items] : null;
      },
      replace: (list) => setSessions(new Map(list.map((s) => [s.id, s]))),
      apply: (list) =>
        setSessions((prev) => {
          const next = new Map(prev);
          for (const s of list) next.set(s.id, s);
          return next;
        }),
    });
    const unwatch = watchSocket(connection.ws, setSocket, following.reconnected);
    return () => {
      following.stop();
      unwatch();
    };
  }, [agentId, client, connection]);

  const queue = useMemo(() => queueOrder(sessions.values()), [sessions]);
  const mine = useMemo(
    () => [...sessions.values()].filter((s) => s.status === 'MANUAL' && s.agent?.id === agentId).sort((a, b) => Date.parse(b.lastMessageAt ?? b.createdAt) - Date.parse(a.lastMessageAt ?? a.createdAt)),
    [sessions, agentId],
  );

  useArrivalSignals(queue, sound);

  const setSound = useCallback((on: boolean) => {
    if (on) enableSound();
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setSoundState(on);
  }, []);
  const put = useCallback((s: WorkspaceSession) => setSessions((prev) => new Map(prev).set(s.id, s)), []);
  const value = useMemo<Workspace>(
    () => ({ agent: me?.agentMe ?? null, queue, mine, session: (id) => sessions.get(id), put, socket, sound, setSound }),
    [me, queue, mine, sessions, put, socket, sound, setSound],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The title shows how many wait, "(2) …"; a new arrival chimes when the sound is on. */
function useArrivalSignals(queue: readonly { id: number }[], sound: boolean) {
  const seen = useRef<Set<number> | null>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const fresh = seen.current ? arrivals(seen.current, queue) : [];
    seen.current = new Set(queue.map((s) => s.id));
    if (fresh.length && sound) chime();
  }, [queue, sound]);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = queue.length ? `(${queue.length}) ${base}` : base;
  }, [queue.length, pathname]);
}

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace outside WorkspaceProvider');
  return w;
}
