import { graphql } from '../gql';

// Every operation the merchant admin sends (typed by `npm run web:codegen`).

/** Context of every staff list: a new staff (a Staff answer) refetches it, even while it is still empty. */
export const STAFF_LIST = { additionalTypenames: ['Staff'] };

export const StaffFields = graphql(`
  fragment AdminStaffFields on Staff {
    id
    name
    orgName
    serialNo
    chatUrl
    avatarUrl
    description
    greetings
    tone
    outputLength
    languageResponse
    languageMode
    humanFirst
    handoffPhrases
    isFrozen
    state
    openNow
    businessHours {
      timeZone
      holidays
      weekly {
        day
        open
        close
      }
    }
  }
`);

export const AdminStaffList = graphql(`
  query AdminStaffList($page: PageInput) {
    staffs(page: $page) {
      total
      items {
        ...AdminStaffFields
      }
    }
  }
`);

export const AdminStaff = graphql(`
  query AdminStaff($id: Int!) {
    staff(id: $id) {
      ...AdminStaffFields
    }
  }
`);

export const AdminCreateStaff = graphql(`
  mutation AdminCreateStaff($input: StaffCreateInput!) {
    createStaff(input: $input) {
      ...AdminStaffFields
    }
  }
`);

export const AdminUpdateStaff = graphql(`
  mutation AdminUpdateStaff($id: Int!, $input: StaffUpdateInput!) {
    updateStaff(id: $id, input: $input) {
      ...AdminStaffFields
    }
  }
`);

export const AdminFreezeStaff = graphql(`
  mutation AdminFreezeStaff($id: Int!) {
    freezeStaff(id: $id) {
      id
      isFrozen
    }
  }
`);

export const AdminUnfreezeStaff = graphql(`
  mutation AdminUnfreezeStaff($id: Int!) {
    unfreezeStaff(id: $id) {
      id
      isFrozen
    }
  }
`);

export const AdminDeleteStaff = graphql(`
  mutation AdminDeleteStaff($id: Int!) {
    deleteStaff(id: $id) {
      id
      isDeleted
    }
  }
`);

export const AdminAskStaffStream = graphql(`
  subscription AdminAskStaffStream($staffId: Int!, $question: String!) {
    askStaffStream(staffId: $staffId, question: $question) {
      delta
      done
      error
      answer {
        text
        grounded
        sources {
          fileName
          heading
        }
      }
    }
  }
`);

export const AdminDocuments = graphql(`
  query AdminDocuments($staffId: Int!) {
    documents(staffId: $staffId, page: { pageSize: 100 }) {
      total
      items {
        id
        fileName
        fileSize
        syncState
        syncError
        chunkCount
        updatedAt
      }
    }
  }
`);

export const AdminUploadDocument = graphql(`
  mutation AdminUploadDocument($staffId: Int!, $file: Upload!) {
    uploadDocument(staffId: $staffId, file: $file) {
      id
      fileName
      fileSize
      syncState
      syncError
      chunkCount
      updatedAt
    }
  }
`);

export const AdminSyncDocuments = graphql(`
  mutation AdminSyncDocuments($staffId: Int!) {
    syncDocuments(staffId: $staffId) {
      id
      syncState
    }
  }
`);

export const AdminDeleteDocuments = graphql(`
  mutation AdminDeleteDocuments($staffId: Int!, $ids: [Int!]!) {
    deleteDocuments(staffId: $staffId, ids: $ids)
  }
`);

export const AdminDocumentSync = graphql(`
  subscription AdminDocumentSync($staffId: Int) {
    documentSync(staffId: $staffId) {
      documentId
      staffId
      state
      error
      chunkCount
      document {
        id
        fileName
        fileSize
        syncState
        syncError
        chunkCount
        updatedAt
      }
    }
  }
`);

export const AdminSaveFaq = graphql(`
  mutation AdminSaveFaq($staffId: Int!, $question: String!, $answer: String!, $replaces: Int) {
    saveFaqEntry(staffId: $staffId, question: $question, answer: $answer, replacesDocumentId: $replaces) {
      id
      fileName
      syncState
    }
  }
`);

export const AdminFaqEntry = graphql(`
  query AdminFaqEntry($staffId: Int!, $documentId: Int!) {
    faqEntry(staffId: $staffId, documentId: $documentId) {
      documentId
      question
      answer
    }
  }
`);

export const AdminAgents = graphql(`
  query AdminAgents {
    agents(page: { pageSize: 100 }) {
      total
      items {
        id
        name
        userName
        status
        maxSessions
        autoAccept
        staffIds
      }
    }
  }
`);

export const AdminCreateAgent = graphql(`
  mutation AdminCreateAgent($input: AgentCreateInput!) {
    createAgent(input: $input) {
      id
    }
  }
`);

export const AdminUpdateAgent = graphql(`
  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {
    updateAgent(id: $id, input: $input) {
      id
      name
      maxSessions
      autoAccept
      staffIds
    }
  }
`);

export const AdminDeleteAgent = graphql(`
  mutation AdminDeleteAgent($id: Int!) {
    deleteAgent(id: $id)
  }
`);

export const AdminChannels = graphql(`
  query AdminChannels {
    channels(page: { pageSize: 100 }) {
      total
      items {
        id
        channelType
        staffId
        accountId
        outboundUrl
        secret
        corpId
        agentId
        token
        createdAt
        deliveryState {
          pending
          failed
          latest {
            id
            state
            attempts
            lastError
            deliveredAt
          }
        }
      }
    }
  }
`);

export const AdminCreateChannel = graphql(`
  mutation AdminCreateChannel($input: ChannelCreateInput!) {
    createChannel(input: $input) {
      id
    }
  }
`);

export const AdminUpdateChannel = graphql(`
  mutation AdminUpdateChannel($id: Int!, $input: ChannelUpdateInput!) {
    updateChannel(id: $id, input: $input) {
      id
    }
  }
`);

export const AdminDeleteChannel = graphql(`
  mutation AdminDeleteChannel($id: Int!) {
    deleteChannel(id: $id)
  }
`);

export const AdminChannelDeliveries = graphql(`
  query AdminChannelDeliveries($sessionId: Int!) {
    channelDeliveries(sessionId: $sessionId) {
      id
      sessionId
      msgId
      state
      attempts
      lastError
      nextAttemptAt
      deliveredAt
      createdAt
    }
  }
`);

export const AdminDeliveryChanged = graphql(`
  subscription AdminDeliveryChanged {
    channelDeliveryChanged {
      id
      sessionId
      msgId
      state
      attempts
      lastError
      nextAttemptAt
      deliveredAt
      createdAt
    }
  }
`);

export const AdminCannedReplies = graphql(`
  query AdminCannedReplies {
    cannedReplies {
      id
      shortcut
      title
      content
      staffId
    }
  }
`);

export const AdminCreateCannedReply = graphql(`
  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {
    createCannedReply(input: $input) {
      id
    }
  }
`);

export const AdminUpdateCannedReply = graphql(`
  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {
    updateCannedReply(id: $id, input: $input) {
      id
      shortcut
      title
      content
      staffId
    }
  }
`);

export const AdminDeleteCannedReply = graphql(`
  mutation AdminDeleteCannedReply($id: Int!) {
    deleteCannedReply(id: $id)
  }
`);

export const AdminAgentPresence = graphql(`
  subscription AdminAgentPresence {
    agentPresence {
      agentId
      status
    }
  }
`);
