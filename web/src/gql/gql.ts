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
    "\n  fragment AdminStaffFields on Staff {\n    id\n    name\n    orgName\n    serialNo\n    chatUrl\n    avatarUrl\n    description\n    greetings\n    tone\n    outputLength\n    languageResponse\n    languageMode\n    humanFirst\n    handoffPhrases\n    isFrozen\n    state\n    openNow\n    businessHours {\n      timeZone\n      holidays\n      weekly {\n        day\n        open\n        close\n      }\n    }\n  }\n": typeof types.AdminStaffFieldsFragmentDoc,
    "\n  query AdminStaffList($page: PageInput) {\n    staffs(page: $page) {\n      total\n      items {\n        ...AdminStaffFields\n      }\n    }\n  }\n": typeof types.AdminStaffListDocument,
    "\n  query AdminStaff($id: Int!) {\n    staff(id: $id) {\n      ...AdminStaffFields\n    }\n  }\n": typeof types.AdminStaffDocument,
    "\n  mutation AdminCreateStaff($input: StaffCreateInput!) {\n    createStaff(input: $input) {\n      ...AdminStaffFields\n    }\n  }\n": typeof types.AdminCreateStaffDocument,
    "\n  mutation AdminUpdateStaff($id: Int!, $input: StaffUpdateInput!) {\n    updateStaff(id: $id, input: $input) {\n      ...AdminStaffFields\n    }\n  }\n": typeof types.AdminUpdateStaffDocument,
    "\n  mutation AdminFreezeStaff($id: Int!) {\n    freezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n": typeof types.AdminFreezeStaffDocument,
    "\n  mutation AdminUnfreezeStaff($id: Int!) {\n    unfreezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n": typeof types.AdminUnfreezeStaffDocument,
    "\n  mutation AdminDeleteStaff($id: Int!) {\n    deleteStaff(id: $id) {\n      id\n      isDeleted\n    }\n  }\n": typeof types.AdminDeleteStaffDocument,
    "\n  subscription AdminAskStaffStream($staffId: Int!, $question: String!) {\n    askStaffStream(staffId: $staffId, question: $question) {\n      delta\n      done\n      error\n      answer {\n        text\n        grounded\n        sources {\n          fileName\n          heading\n        }\n      }\n    }\n  }\n": typeof types.AdminAskStaffStreamDocument,
    "\n  query AdminDocuments($staffId: Int!) {\n    documents(staffId: $staffId, page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n": typeof types.AdminDocumentsDocument,
    "\n  mutation AdminUploadDocument($staffId: Int!, $file: Upload!) {\n    uploadDocument(staffId: $staffId, file: $file) {\n      id\n      fileName\n      fileSize\n      syncState\n      syncError\n      chunkCount\n      updatedAt\n    }\n  }\n": typeof types.AdminUploadDocumentDocument,
    "\n  mutation AdminSyncDocuments($staffId: Int!) {\n    syncDocuments(staffId: $staffId) {\n      id\n      syncState\n    }\n  }\n": typeof types.AdminSyncDocumentsDocument,
    "\n  mutation AdminDeleteDocuments($staffId: Int!, $ids: [Int!]!) {\n    deleteDocuments(staffId: $staffId, ids: $ids)\n  }\n": typeof types.AdminDeleteDocumentsDocument,
    "\n  subscription AdminDocumentSync($staffId: Int) {\n    documentSync(staffId: $staffId) {\n      documentId\n      staffId\n      state\n      error\n      chunkCount\n      document {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n": typeof types.AdminDocumentSyncDocument,
    "\n  mutation AdminSaveFaq($staffId: Int!, $question: String!, $answer: String!, $replaces: Int) {\n    saveFaqEntry(staffId: $staffId, question: $question, answer: $answer, replacesDocumentId: $replaces) {\n      id\n      fileName\n      syncState\n    }\n  }\n": typeof types.AdminSaveFaqDocument,
    "\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n": typeof types.AdminAgentsDocument,
    "\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateAgentDocument,
    "\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n": typeof types.AdminUpdateAgentDocument,
    "\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n": typeof types.AdminDeleteAgentDocument,
    "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n      }\n    }\n  }\n": typeof types.AdminChannelsDocument,
    "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateChannelDocument,
    "\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n": typeof types.AdminDeleteChannelDocument,
    "\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": typeof types.AdminChannelDeliveriesDocument,
    "\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": typeof types.AdminDeliveryChangedDocument,
    "\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": typeof types.AdminCannedRepliesDocument,
    "\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateCannedReplyDocument,
    "\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": typeof types.AdminUpdateCannedReplyDocument,
    "\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n": typeof types.AdminDeleteCannedReplyDocument,
    "\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n": typeof types.AdminAgentPresenceDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": typeof types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": typeof types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": typeof types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
};
const documents: Documents = {
    "\n  fragment AdminStaffFields on Staff {\n    id\n    name\n    orgName\n    serialNo\n    chatUrl\n    avatarUrl\n    description\n    greetings\n    tone\n    outputLength\n    languageResponse\n    languageMode\n    humanFirst\n    handoffPhrases\n    isFrozen\n    state\n    openNow\n    businessHours {\n      timeZone\n      holidays\n      weekly {\n        day\n        open\n        close\n      }\n    }\n  }\n": types.AdminStaffFieldsFragmentDoc,
    "\n  query AdminStaffList($page: PageInput) {\n    staffs(page: $page) {\n      total\n      items {\n        ...AdminStaffFields\n      }\n    }\n  }\n": types.AdminStaffListDocument,
    "\n  query AdminStaff($id: Int!) {\n    staff(id: $id) {\n      ...AdminStaffFields\n    }\n  }\n": types.AdminStaffDocument,
    "\n  mutation AdminCreateStaff($input: StaffCreateInput!) {\n    createStaff(input: $input) {\n      ...AdminStaffFields\n    }\n  }\n": types.AdminCreateStaffDocument,
    "\n  mutation AdminUpdateStaff($id: Int!, $input: StaffUpdateInput!) {\n    updateStaff(id: $id, input: $input) {\n      ...AdminStaffFields\n    }\n  }\n": types.AdminUpdateStaffDocument,
    "\n  mutation AdminFreezeStaff($id: Int!) {\n    freezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n": types.AdminFreezeStaffDocument,
    "\n  mutation AdminUnfreezeStaff($id: Int!) {\n    unfreezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n": types.AdminUnfreezeStaffDocument,
    "\n  mutation AdminDeleteStaff($id: Int!) {\n    deleteStaff(id: $id) {\n      id\n      isDeleted\n    }\n  }\n": types.AdminDeleteStaffDocument,
    "\n  subscription AdminAskStaffStream($staffId: Int!, $question: String!) {\n    askStaffStream(staffId: $staffId, question: $question) {\n      delta\n      done\n      error\n      answer {\n        text\n        grounded\n        sources {\n          fileName\n          heading\n        }\n      }\n    }\n  }\n": types.AdminAskStaffStreamDocument,
    "\n  query AdminDocuments($staffId: Int!) {\n    documents(staffId: $staffId, page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n": types.AdminDocumentsDocument,
    "\n  mutation AdminUploadDocument($staffId: Int!, $file: Upload!) {\n    uploadDocument(staffId: $staffId, file: $file) {\n      id\n      fileName\n      fileSize\n      syncState\n      syncError\n      chunkCount\n      updatedAt\n    }\n  }\n": types.AdminUploadDocumentDocument,
    "\n  mutation AdminSyncDocuments($staffId: Int!) {\n    syncDocuments(staffId: $staffId) {\n      id\n      syncState\n    }\n  }\n": types.AdminSyncDocumentsDocument,
    "\n  mutation AdminDeleteDocuments($staffId: Int!, $ids: [Int!]!) {\n    deleteDocuments(staffId: $staffId, ids: $ids)\n  }\n": types.AdminDeleteDocumentsDocument,
    "\n  subscription AdminDocumentSync($staffId: Int) {\n    documentSync(staffId: $staffId) {\n      documentId\n      staffId\n      state\n      error\n      chunkCount\n      document {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n": types.AdminDocumentSyncDocument,
    "\n  mutation AdminSaveFaq($staffId: Int!, $question: String!, $answer: String!, $replaces: Int) {\n    saveFaqEntry(staffId: $staffId, question: $question, answer: $answer, replacesDocumentId: $replaces) {\n      id\n      fileName\n      syncState\n    }\n  }\n": types.AdminSaveFaqDocument,
    "\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n": types.AdminAgentsDocument,
    "\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateAgentDocument,
    "\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n": types.AdminUpdateAgentDocument,
    "\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n": types.AdminDeleteAgentDocument,
    "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n      }\n    }\n  }\n": types.AdminChannelsDocument,
    "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateChannelDocument,
    "\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n": types.AdminDeleteChannelDocument,
    "\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": types.AdminChannelDeliveriesDocument,
    "\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": types.AdminDeliveryChangedDocument,
    "\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": types.AdminCannedRepliesDocument,
    "\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateCannedReplyDocument,
    "\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": types.AdminUpdateCannedReplyDocument,
    "\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n": types.AdminDeleteCannedReplyDocument,
    "\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n": types.AdminAgentPresenceDocument,
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
export function graphql(source: "\n  fragment AdminStaffFields on Staff {\n    id\n    name\n    orgName\n    serialNo\n    chatUrl\n    avatarUrl\n    description\n    greetings\n    tone\n    outputLength\n    languageResponse\n    languageMode\n    humanFirst\n    handoffPhrases\n    isFrozen\n    state\n    openNow\n    businessHours {\n      timeZone\n      holidays\n      weekly {\n        day\n        open\n        close\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminStaffFields on Staff {\n    id\n    name\n    orgName\n    serialNo\n    chatUrl\n    avatarUrl\n    description\n    greetings\n    tone\n    outputLength\n    languageResponse\n    languageMode\n    humanFirst\n    handoffPhrases\n    isFrozen\n    state\n    openNow\n    businessHours {\n      timeZone\n      holidays\n      weekly {\n        day\n        open\n        close\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStaffList($page: PageInput) {\n    staffs(page: $page) {\n      total\n      items {\n        ...AdminStaffFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminStaffList($page: PageInput) {\n    staffs(page: $page) {\n      total\n      items {\n        ...AdminStaffFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStaff($id: Int!) {\n    staff(id: $id) {\n      ...AdminStaffFields\n    }\n  }\n"): (typeof documents)["\n  query AdminStaff($id: Int!) {\n    staff(id: $id) {\n      ...AdminStaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateStaff($input: StaffCreateInput!) {\n    createStaff(input: $input) {\n      ...AdminStaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateStaff($input: StaffCreateInput!) {\n    createStaff(input: $input) {\n      ...AdminStaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateStaff($id: Int!, $input: StaffUpdateInput!) {\n    updateStaff(id: $id, input: $input) {\n      ...AdminStaffFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateStaff($id: Int!, $input: StaffUpdateInput!) {\n    updateStaff(id: $id, input: $input) {\n      ...AdminStaffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminFreezeStaff($id: Int!) {\n    freezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n"): (typeof documents)["\n  mutation AdminFreezeStaff($id: Int!) {\n    freezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUnfreezeStaff($id: Int!) {\n    unfreezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUnfreezeStaff($id: Int!) {\n    unfreezeStaff(id: $id) {\n      id\n      isFrozen\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteStaff($id: Int!) {\n    deleteStaff(id: $id) {\n      id\n      isDeleted\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeleteStaff($id: Int!) {\n    deleteStaff(id: $id) {\n      id\n      isDeleted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminAskStaffStream($staffId: Int!, $question: String!) {\n    askStaffStream(staffId: $staffId, question: $question) {\n      delta\n      done\n      error\n      answer {\n        text\n        grounded\n        sources {\n          fileName\n          heading\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AdminAskStaffStream($staffId: Int!, $question: String!) {\n    askStaffStream(staffId: $staffId, question: $question) {\n      delta\n      done\n      error\n      answer {\n        text\n        grounded\n        sources {\n          fileName\n          heading\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDocuments($staffId: Int!) {\n    documents(staffId: $staffId, page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDocuments($staffId: Int!) {\n    documents(staffId: $staffId, page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUploadDocument($staffId: Int!, $file: Upload!) {\n    uploadDocument(staffId: $staffId, file: $file) {\n      id\n      fileName\n      fileSize\n      syncState\n      syncError\n      chunkCount\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUploadDocument($staffId: Int!, $file: Upload!) {\n    uploadDocument(staffId: $staffId, file: $file) {\n      id\n      fileName\n      fileSize\n      syncState\n      syncError\n      chunkCount\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSyncDocuments($staffId: Int!) {\n    syncDocuments(staffId: $staffId) {\n      id\n      syncState\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSyncDocuments($staffId: Int!) {\n    syncDocuments(staffId: $staffId) {\n      id\n      syncState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteDocuments($staffId: Int!, $ids: [Int!]!) {\n    deleteDocuments(staffId: $staffId, ids: $ids)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteDocuments($staffId: Int!, $ids: [Int!]!) {\n    deleteDocuments(staffId: $staffId, ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDocumentSync($staffId: Int) {\n    documentSync(staffId: $staffId) {\n      documentId\n      staffId\n      state\n      error\n      chunkCount\n      document {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDocumentSync($staffId: Int) {\n    documentSync(staffId: $staffId) {\n      documentId\n      staffId\n      state\n      error\n      chunkCount\n      document {\n        id\n        fileName\n        fileSize\n        syncState\n        syncError\n        chunkCount\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSaveFaq($staffId: Int!, $question: String!, $answer: String!, $replaces: Int) {\n    saveFaqEntry(staffId: $staffId, question: $question, answer: $answer, replacesDocumentId: $replaces) {\n      id\n      fileName\n      syncState\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSaveFaq($staffId: Int!, $question: String!, $answer: String!, $replaces: Int) {\n    saveFaqEntry(staffId: $staffId, question: $question, answer: $answer, replacesDocumentId: $replaces) {\n      id\n      fileName\n      syncState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n"): (typeof documents)["\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n"): (typeof documents)["\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n"];
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