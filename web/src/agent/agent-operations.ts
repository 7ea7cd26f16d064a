import { graphql } from '../gql';

export const SessionFields = graphql(`
  fragment WorkspaceSession on Session {
    id
    status
    channel
    staffId
    createdAt
    queuedAt
    acceptedAt
    closedAt
    queuePosition
    lastMessage
    lastMessageAt
    lastSeq
    handoffReason
    csatScore
    agent { id name }
    contact { id nickname externalId channel avatarUrl }
  }
`);

export const AgentMe = graphql(`
  query AgentMe {
    agentMe { id name status autoAccept staffIds }
  }
`);

export const SetAgentStatus = graphql(`
  mutation SetAgentStatus($status: AgentStatus!) {
    setAgentStatus(status: $status) { id status }
  }
`);

export const SetAutoAccept = graphql(`
  mutation SetAutoAccept($on: Boolean!) {
    setAutoAccept(on: $on) { id autoAccept }
  }
`);

export const WorkspaceSessions = graphql(`
  query WorkspaceSessions($agentId: Int!) {
    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }
    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }
  }
`);

export const SessionChanged = graphql(`
  subscription WorkspaceSessionChanged($since: String) {
    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }
  }
`);

export const ConversationDetails = graphql(`
  query ConversationDetails($id: Int!) {
    session(id: $id) {
      ...WorkspaceSession
      labels { id name colour }
      contact { id labels { id name colour } }
      handoffSummary { text }
      notes { id content createdAt afterSeq authorKind authorId }
    }
    labels { id name colour }
    agents(page: { pageSize: 100 }) { items { id name status staffIds } }
  }
`);

export const EarlierSessions = graphql(`
  query EarlierSessions($contactId: Int!) {
    sessions(filter: { contactId: $contactId }, page: { pageSize: 20 }) { items { id status createdAt lastMessage csatScore } }
  }
`);

export const MessageFields = graphql(`
  fragment WorkspaceMessage on Message {
    id
    seq
    senderType
    senderId
    msgType
    content
    createdAt
    media { url name mimeType size }
  }
`);

export const Messages = graphql(`
  query ConversationMessages($sessionId: Int!, $after: Int) {
    messages(sessionId: $sessionId, after: $after, limit: 500) { ...WorkspaceMessage }
  }
`);

export const MessageAdded = graphql(`
  subscription ConversationMessageAdded($sessionId: Int!, $after: Int) {
    messageAdded(sessionId: $sessionId, after: $after) { ...WorkspaceMessage }
  }
`);

export const NoteAdded = graphql(`
  subscription ConversationNoteAdded($sessionId: Int!) {
    noteAdded(sessionId: $sessionId) { id content createdAt afterSeq authorKind authorId }
  }
`);

export const CannedReplies = graphql(`
  query WorkspaceCannedReplies($staffId: Int) {
    cannedReplies(staffId: $staffId) { id shortcut title content }
  }
`);

export const SuggestedReply = graphql(`
  query SuggestedReply($sessionId: Int!) {
    suggestedReply(sessionId: $sessionId) { text grounded confidence }
  }
`);

export const AcceptSession = graphql(`
  mutation AcceptSession($sessionId: Int!) {
    acceptSession(sessionId: $sessionId) { ...WorkspaceSession }
  }
`);

export const TransferSession = graphql(`
  mutation TransferSession($sessionId: Int!, $toAgentId: Int) {
    transferSession(sessionId: $sessionId, toAgentId: $toAgentId) { ...WorkspaceSession }
  }
`);

export const CloseSession = graphql(`
  mutation CloseSession($sessionId: Int!) {
    closeSession(sessionId: $sessionId) { ...WorkspaceSession }
  }
`);

export const SendMessage = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) { ...WorkspaceMessage }
  }
`);

export const SendCannedReply = graphql(`
  mutation SendCannedReply($sessionId: Int!, $cannedReplyId: Int!, $clientMsgId: String) {
    sendCannedReply(sessionId: $sessionId, cannedReplyId: $cannedReplyId, clientMsgId: $clientMsgId) { ...WorkspaceMessage }
  }
`);

export const UploadSessionMedia = graphql(`
  mutation UploadSessionMedia($sessionId: Int!, $file: Upload!) {
    uploadSessionMedia(sessionId: $sessionId, file: $file) { url name mimeType size }
  }
`);

export const AddNote = graphql(`
  mutation AddSessionNote($sessionId: Int!, $content: String!) {
    addSessionNote(sessionId: $sessionId, content: $content) { id content createdAt afterSeq authorKind authorId }
  }
`);

export const LabelSession = graphql(`
  mutation LabelSession($sessionId: Int!, $labelId: Int!, $on: Boolean!) {
    labelSession(sessionId: $sessionId, labelId: $labelId, on: $on) { id labels { id name colour } }
  }
`);
