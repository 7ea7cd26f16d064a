import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { createGraphqlConnection, type GraphqlConnection } from './graphql-client';
import { passwordDigest } from './password';

export interface Session {
  token: string;
  role: Role;
  expiresAt: string;
}

interface Snapshot {
  session: Session | null;
  connection: GraphqlConnection;
}

export interface AuthStore {
  snapshot(): Snapshot;
  subscribe(listener: () => void): () => void;
  /** Signs in with the login mutation of `role`; throws the CombinedError on failure. */
  signIn(role: Role, userName: string, password: string): Promise<Session>;
  /** Revokes the token on the server (every surface), then forgets it. */
  signOut(): Promise<void>;
}

const SESSION_KEY = 'cs-web-session';

const MerchantLogin = graphql(`
  mutation MerchantLogin($input: LoginInput!) {
    login(input: $input) { token expiresAt role }
  }
`);
const AgentLogin = graphql(`
  mutation AgentLogin($input: LoginInput!) {
    agentLogin(input: $input) { token expiresAt }
  }
`);
const AdminLogin = graphql(`
  mutation AdminLogin($input: LoginInput!) {
    adminLogin(input: $input) { token expiresAt role }
  }
`);
const Logout = graphql(`
  mutation Logout {
    logout
  }
`);
const AgentSignOff = graphql(`
  mutation AgentSignOff {
    setAgentStatus(status: OFFLINE) { id status }
  }
`);

function storedSession(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return s && new Date(s.expiresAt).getTime() > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in token (kept in localStorage) and the GraphQL connection that sends it, outside React:
 * a new token gets a new connection and the old one is closed, so no subscription outlives its token.
 */
export function createAuthStore(): AuthStore {
  const listeners = new Set<() => void>();
  const connect = (session: Session | null): Snapshot => ({ session, connection: createGraphqlConnection(session?.token ?? null, () => replace(null)) });
  let current = connect(storedSession());
  function replace(session: Session | null) {
    if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
    else localStorage.removeItem(SESSION_KEY);
    current.connection.dispose();
    current = connect(session);
    for (const l of listeners) l();
  }
  const login = async (role: Role, input: { userName: string; password: string }): Promise<Session> => {
    const { client } = current.connection;
    if (role === 'AGENT') {
      const r = await client.mutation(AgentLogin, { input }).toPromise();
      if (!r.data) throw r.error;
      return { token: r.data.agentLogin.token, expiresAt: r.data.agentLogin.expiresAt, role };
    }
    const r = role === 'ADMIN' ? await client.mutation(AdminLogin, { input }).toPromise() : await client.mutation(MerchantLogin, { input }).toPromise();
    const payload = r.data && ('adminLogin' in r.data ? r.data.adminLogin : r.data.login);
    if (!payload) throw r.error;
    return { token: payload.token, expiresAt: payload.expiresAt, role: payload.role };
  };
  return {
    snapshot: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async signIn(role, userName, password) {
      const session = await login(role, { userName: userName.trim(), password: passwordDigest(password) });
      replace(session);
      return session;
    },
    async signOut() {
      const { client } = current.connection;
      // An agent who signs out is away from every surface: offline (the merchant sees it), so nothing is routed to it.
      if (current.session?.role === 'AGENT') await client.mutation(AgentSignOff, {}).toPromise();
      await client.mutation(Logout, {}).toPromise();
      replace(null);
    },
  };
}

type AuthState = Snapshot & Pick<AuthStore, 'signIn' | 'signOut'>;
const AuthContext = createContext<AuthStore | null>(null);

export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  const { connection } = useSyncExternalStore(store.subscribe, store.snapshot);
  return (
    <AuthContext.Provider value={store}>
      <UrqlProvider value={connection.client}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}

/** The session, its connection (for the socket's state), and sign-in/out. */
export function useAuth(): AuthState {
  const store = useContext(AuthContext);
  if (!store) throw new Error('useAuth outside AuthProvider');
  const snapshot = useSyncExternalStore(store.subscribe, store.snapshot);
  return { ...snapshot, signIn: store.signIn, signOut: store.signOut };
}

/** Where each role lands after signing in. */
export const homeOf: Record<Role, string> = { AGENT: '/agent', MERCHANT: '/admin', ADMIN: '/platform' };
