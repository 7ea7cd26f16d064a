/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n": typeof types.WorkspaceSessionFragmentDoc,
    "\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n": typeof types.AgentMeDocument,
    "\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n": typeof types.SetAgentStatusDocument,
    "\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n": typeof types.SetAutoAcceptDocument,
    "\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n": typeof types.WorkspaceSessionsDocument,
    "\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n": typeof types.WorkspaceSessionChangedDocument,
    "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status } }\n  }\n": typeof types.ConversationDetailsDocument,
    "\n  query EarlierSessions($contactId: Int!) {\n    sessions(filter: { contactId: $contactId }, page: { pageSize: 20 }) { items { id status createdAt lastMessage csatScore } }\n  }\n": typeof types.EarlierSessionsDocument,
    "\n  fragment WorkspaceMessage on Message {\n    id\n    seq\n    senderType\n    senderId\n    msgType\n    content\n    createdAt\n    media { url name mimeType size }\n  }\n": typeof types.WorkspaceMessageFragmentDoc,
    "\n  query ConversationMessages($sessionId: Int!, $after: Int) {\n    messages(sessionId: $sessionId, after: $after, limit: 500) { ...WorkspaceMessage }\n  }\n": typeof types.ConversationMessagesDocument,
    "\n  subscription ConversationMessageAdded($sessionId: Int!, $after: Int) {\n    messageAdded(sessionId: $sessionId, after: $after) { ...WorkspaceMessage }\n  }\n": typeof types.ConversationMessageAddedDocument,
    "\n  subscription ConversationNoteAdded($sessionId: Int!) {\n    noteAdded(sessionId: $sessionId) { id content createdAt afterSeq authorKind authorId }\n  }\n": typeof types.ConversationNoteAddedDocument,
    "\n  query WorkspaceCannedReplies($staffId: Int) {\n    cannedReplies(staffId: $staffId) { id shortcut title content }\n  }\n": typeof types.WorkspaceCannedRepliesDocument,
    "\n  query SuggestedReply($sessionId: Int!) {\n    suggestedReply(sessionId: $sessionId) { text grounded confidence }\n  }\n": typeof types.SuggestedReplyDocument,
    "\n  mutation AcceptSession($sessionId: Int!) {\n    acceptSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n": typeof types.AcceptSessionDocument,
    "\n  mutation TransferSession($sessionId: Int!, $toAgentId: Int) {\n    transferSession(sessionId: $sessionId, toAgentId: $toAgentId) { ...WorkspaceSession }\n  }\n": typeof types.TransferSessionDocument,
    "\n  mutation CloseSession($sessionId: Int!) {\n    closeSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n": typeof types.CloseSessionDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) { ...WorkspaceMessage }\n  }\n": typeof types.SendMessageDocument,
    "\n  mutation SendCannedReply($sessionId: Int!, $cannedReplyId: Int!, $clientMsgId: String) {\n    sendCannedReply(sessionId: $sessionId, cannedReplyId: $cannedReplyId, clientMsgId: $clientMsgId) { ...WorkspaceMessage }\n  }\n": typeof types.SendCannedReplyDocument,
    "\n  mutation UploadSessionMedia($sessionId: Int!, $file: Upload!) {\n    uploadSessionMedia(sessionId: $sessionId, file: $file) { url name mimeType size }\n  }\n": typeof types.UploadSessionMediaDocument,
    "\n  mutation AddSessionNote($sessionId: Int!, $content: String!) {\n    addSessionNote(sessionId: $sessionId, content: $content) { id content createdAt afterSeq authorKind authorId }\n  }\n": typeof types.AddSessionNoteDocument,
    "\n  mutation LabelSession($sessionId: Int!, $labelId: Int!, $on: Boolean!) {\n    labelSession(sessionId: $sessionId, labelId: $labelId, on: $on) { id labels { id name colour } }\n  }\n": typeof types.LabelSessionDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": typeof types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": typeof types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": typeof types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n": types.WorkspaceSessionFragmentDoc,
    "\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n": types.AgentMeDocument,
    "\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n": types.SetAgentStatusDocument,
    "\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n": types.SetAutoAcceptDocument,
    "\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n": types.WorkspaceSessionsDocument,
    "\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n": types.WorkspaceSessionChangedDocument,
    "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status } }\n  }\n": types.ConversationDetailsDocument,
    "\n  query EarlierSessions($contactId: Int!) {\n    sessions(filter: { contactId: $contactId }, page: { pageSize: 20 }) { items { id status createdAt lastMessage csatScore } }\n  }\n": types.EarlierSessionsDocument,
    "\n  fragment WorkspaceMessage on Message {\n    id\n    seq\n    senderType\n    senderId\n    msgType\n    content\n    createdAt\n    media { url name mimeType size }\n  }\n": types.WorkspaceMessageFragmentDoc,
    "\n  query ConversationMessages($sessionId: Int!, $after: Int) {\n    messages(sessionId: $sessionId, after: $after, limit: 500) { ...WorkspaceMessage }\n  }\n": types.ConversationMessagesDocument,
    "\n  subscription ConversationMessageAdded($sessionId: Int!, $after: Int) {\n    messageAdded(sessionId: $sessionId, after: $after) { ...WorkspaceMessage }\n  }\n": types.ConversationMessageAddedDocument,
    "\n  subscription ConversationNoteAdded($sessionId: Int!) {\n    noteAdded(sessionId: $sessionId) { id content createdAt afterSeq authorKind authorId }\n  }\n": types.ConversationNoteAddedDocument,
    "\n  query WorkspaceCannedReplies($staffId: Int) {\n    cannedReplies(staffId: $staffId) { id shortcut title content }\n  }\n": types.WorkspaceCannedRepliesDocument,
    "\n  query SuggestedReply($sessionId: Int!) {\n    suggestedReply(sessionId: $sessionId) { text grounded confidence }\n  }\n": types.SuggestedReplyDocument,
    "\n  mutation AcceptSession($sessionId: Int!) {\n    acceptSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n": types.AcceptSessionDocument,
    "\n  mutation TransferSession($sessionId: Int!, $toAgentId: Int) {\n    transferSession(sessionId: $sessionId, toAgentId: $toAgentId) { ...WorkspaceSession }\n  }\n": types.TransferSessionDocument,
    "\n  mutation CloseSession($sessionId: Int!) {\n    closeSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n": types.CloseSessionDocument,
    "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) { ...WorkspaceMessage }\n  }\n": types.SendMessageDocument,
    "\n  mutation SendCannedReply($sessionId: Int!, $cannedReplyId: Int!, $clientMsgId: String) {\n    sendCannedReply(sessionId: $sessionId, cannedReplyId: $cannedReplyId, clientMsgId: $clientMsgId) { ...WorkspaceMessage }\n  }\n": types.SendCannedReplyDocument,
    "\n  mutation UploadSessionMedia($sessionId: Int!, $file: Upload!) {\n    uploadSessionMedia(sessionId: $sessionId, file: $file) { url name mimeType size }\n  }\n": types.UploadSessionMediaDocument,
    "\n  mutation AddSessionNote($sessionId: Int!, $content: String!) {\n    addSessionNote(sessionId: $sessionId, content: $content) { id content createdAt afterSeq authorKind authorId }\n  }\n": types.AddSessionNoteDocument,
    "\n  mutation LabelSession($sessionId: Int!, $labelId: Int!, $on: Boolean!) {\n    labelSession(sessionId: $sessionId, labelId: $labelId, on: $on) { id labels { id name colour } }\n  }\n": types.LabelSessionDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n"): (typeof documents)["\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n"): (typeof documents)["\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n"): (typeof documents)["\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n"): (typeof documents)["\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n"): (typeof documents)["\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n"): (typeof documents)["\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status } }\n  }\n"): (typeof documents)["\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EarlierSessions($contactId: Int!) {\n    sessions(filter: { contactId: $contactId }, page: { pageSize: 20 }) { items { id status createdAt lastMessage csatScore } }\n  }\n"): (typeof documents)["\n  query EarlierSessions($contactId: Int!) {\n    sessions(filter: { contactId: $contactId }, page: { pageSize: 20 }) { items { id status createdAt lastMessage csatScore } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceMessage on Message {\n    id\n    seq\n    senderType\n    senderId\n    msgType\n    content\n    createdAt\n    media { url name mimeType size }\n  }\n"): (typeof documents)["\n  fragment WorkspaceMessage on Message {\n    id\n    seq\n    senderType\n    senderId\n    msgType\n    content\n    createdAt\n    media { url name mimeType size }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConversationMessages($sessionId: Int!, $after: Int) {\n    messages(sessionId: $sessionId, after: $after, limit: 500) { ...WorkspaceMessage }\n  }\n"): (typeof documents)["\n  query ConversationMessages($sessionId: Int!, $after: Int) {\n    messages(sessionId: $sessionId, after: $after, limit: 500) { ...WorkspaceMessage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationMessageAdded($sessionId: Int!, $after: Int) {\n    messageAdded(sessionId: $sessionId, after: $after) { ...WorkspaceMessage }\n  }\n"): (typeof documents)["\n  subscription ConversationMessageAdded($sessionId: Int!, $after: Int) {\n    messageAdded(sessionId: $sessionId, after: $after) { ...WorkspaceMessage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConversationNoteAdded($sessionId: Int!) {\n    noteAdded(sessionId: $sessionId) { id content createdAt afterSeq authorKind authorId }\n  }\n"): (typeof documents)["\n  subscription ConversationNoteAdded($sessionId: Int!) {\n    noteAdded(sessionId: $sessionId) { id content createdAt afterSeq authorKind authorId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceCannedReplies($staffId: Int) {\n    cannedReplies(staffId: $staffId) { id shortcut title content }\n  }\n"): (typeof documents)["\n  query WorkspaceCannedReplies($staffId: Int) {\n    cannedReplies(staffId: $staffId) { id shortcut title content }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SuggestedReply($sessionId: Int!) {\n    suggestedReply(sessionId: $sessionId) { text grounded confidence }\n  }\n"): (typeof documents)["\n  query SuggestedReply($sessionId: Int!) {\n    suggestedReply(sessionId: $sessionId) { text grounded confidence }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptSession($sessionId: Int!) {\n    acceptSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n"): (typeof documents)["\n  mutation AcceptSession($sessionId: Int!) {\n    acceptSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TransferSession($sessionId: Int!, $toAgentId: Int) {\n    transferSession(sessionId: $sessionId, toAgentId: $toAgentId) { ...WorkspaceSession }\n  }\n"): (typeof documents)["\n  mutation TransferSession($sessionId: Int!, $toAgentId: Int) {\n    transferSession(sessionId: $sessionId, toAgentId: $toAgentId) { ...WorkspaceSession }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSession($sessionId: Int!) {\n    closeSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n"): (typeof documents)["\n  mutation CloseSession($sessionId: Int!) {\n    closeSession(sessionId: $sessionId) { ...WorkspaceSession }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) { ...WorkspaceMessage }\n  }\n"): (typeof documents)["\n  mutation SendMessage($input: SendMessageInput!) {\n    sendMessage(input: $input) { ...WorkspaceMessage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendCannedReply($sessionId: Int!, $cannedReplyId: Int!, $clientMsgId: String) {\n    sendCannedReply(sessionId: $sessionId, cannedReplyId: $cannedReplyId, clientMsgId: $clientMsgId) { ...WorkspaceMessage }\n  }\n"): (typeof documents)["\n  mutation SendCannedReply($sessionId: Int!, $cannedReplyId: Int!, $clientMsgId: String) {\n    sendCannedReply(sessionId: $sessionId, cannedReplyId: $cannedReplyId, clientMsgId: $clientMsgId) { ...WorkspaceMessage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadSessionMedia($sessionId: Int!, $file: Upload!) {\n    uploadSessionMedia(sessionId: $sessionId, file: $file) { url name mimeType size }\n  }\n"): (typeof documents)["\n  mutation UploadSessionMedia($sessionId: Int!, $file: Upload!) {\n    uploadSessionMedia(sessionId: $sessionId, file: $file) { url name mimeType size }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSessionNote($sessionId: Int!, $content: String!) {\n    addSessionNote(sessionId: $sessionId, content: $content) { id content createdAt afterSeq authorKind authorId }\n  }\n"): (typeof documents)["\n  mutation AddSessionNote($sessionId: Int!, $content: String!) {\n    addSessionNote(sessionId: $sessionId, content: $content) { id content createdAt afterSeq authorKind authorId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LabelSession($sessionId: Int!, $labelId: Int!, $on: Boolean!) {\n    labelSession(sessionId: $sessionId, labelId: $labelId, on: $on) { id labels { id name colour } }\n  }\n"): (typeof documents)["\n  mutation LabelSession($sessionId: Int!, $labelId: Int!, $on: Boolean!) {\n    labelSession(sessionId: $sessionId, labelId: $labelId, on: $on) { id labels { id name colour } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n"): (typeof documents)["\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n"): (typeof documents)["\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n"): (typeof documents)["\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;