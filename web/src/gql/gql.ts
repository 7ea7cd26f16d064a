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
    "\n  query AdminFaqEntry($staffId: Int!, $documentId: Int!) {\n    faqEntry(staffId: $staffId, documentId: $documentId) {\n      documentId\n      question\n      answer\n    }\n  }\n": typeof types.AdminFaqEntryDocument,
    "\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n": typeof types.AdminAgentsDocument,
    "\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateAgentDocument,
    "\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n": typeof types.AdminUpdateAgentDocument,
    "\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n": typeof types.AdminDeleteAgentDocument,
    "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n        deliveryState {\n          pending\n          failed\n          latest {\n            id\n            state\n            attempts\n            lastError\n            deliveredAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminChannelsDocument,
    "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateChannelDocument,
    "\n  mutation AdminUpdateChannel($id: Int!, $input: ChannelUpdateInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.AdminUpdateChannelDocument,
    "\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n": typeof types.AdminDeleteChannelDocument,
    "\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": typeof types.AdminChannelDeliveriesDocument,
    "\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": typeof types.AdminDeliveryChangedDocument,
    "\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": typeof types.AdminCannedRepliesDocument,
    "\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateCannedReplyDocument,
    "\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": typeof types.AdminUpdateCannedReplyDocument,
    "\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n": typeof types.AdminDeleteCannedReplyDocument,
    "\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n": typeof types.AdminAgentPresenceDocument,
    "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n  }\n": typeof types.AdminWebhookEndpointFieldsFragmentDoc,
    "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventType\n    state\n    attempts\n    lastStatus\n    lastError\n    nextAttemptAt\n    createdAt\n  }\n": typeof types.AdminWebhookDeliveryFieldsFragmentDoc,
    "\n  query AdminWebhooks {\n    webhookEventTypes\n    webhookEndpoints(page: { pageSize: 100 }) {\n      items {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminWebhooksDocument,
    "\n  query AdminWebhookDeliveries($endpointId: Int!) {\n    webhookDeliveries(endpointId: $endpointId, page: { pageSize: 50 }) {\n      total\n      items {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": typeof types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminCreateWebhook($input: WebhookEndpointCreateInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminCreateWebhookDocument,
    "\n  mutation AdminUpdateWebhook($id: Int!, $input: WebhookEndpointUpdateInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n": typeof types.AdminUpdateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($id: Int!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": typeof types.AdminDeleteWebhookDocument,
    "\n  mutation AdminTestWebhook($id: Int!) {\n    testWebhookEndpoint(id: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n": typeof types.AdminTestWebhookDocument,
    "\n  mutation AdminRotateWebhookSecret($id: Int!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": typeof types.AdminRotateWebhookSecretDocument,
    "\n  mutation AdminRedeliverWebhook($id: Int!) {\n    redeliverWebhook(deliveryId: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n": typeof types.AdminRedeliverWebhookDocument,
    "\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n": typeof types.WorkspaceSessionFragmentDoc,
    "\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n": typeof types.AgentMeDocument,
    "\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n": typeof types.SetAgentStatusDocument,
    "\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n": typeof types.SetAutoAcceptDocument,
    "\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n": typeof types.WorkspaceSessionsDocument,
    "\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n": typeof types.WorkspaceSessionChangedDocument,
    "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status staffIds } }\n  }\n": typeof types.ConversationDetailsDocument,
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
    "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n": typeof types.BillingTradeFragmentDoc,
    "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n": typeof types.BillingStaffsDocument,
    "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n": typeof types.OnSaleProductsDocument,
    "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n": typeof types.PayStaffDocument,
    "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n": typeof types.BillingTradeOneDocument,
    "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n": typeof types.BillingTradeUpdatedDocument,
    "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n": typeof types.MerchantTradesDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": typeof types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": typeof types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": typeof types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation AgentSignOff {\n    setAgentStatus(status: OFFLINE) { id status }\n  }\n": typeof types.AgentSignOffDocument,
    "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n": typeof types.PlatformMerchantsDocument,
    "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n": typeof types.PlatformSetMerchantFrozenDocument,
    "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n": typeof types.PlatformProductFragmentDoc,
    "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n": typeof types.PlatformProductsDocument,
    "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n": typeof types.PlatformCreateProductDocument,
    "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n": typeof types.PlatformUpdateProductDocument,
    "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n": typeof types.PlatformDeleteProductDocument,
    "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n": typeof types.PlatformTradesDocument,
    "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n": typeof types.PlatformRefundTradeDocument,
    "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n": typeof types.ReportStaffsDocument,
    "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n": typeof types.HelpdeskReportViewDocument,
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
    "\n  query AdminFaqEntry($staffId: Int!, $documentId: Int!) {\n    faqEntry(staffId: $staffId, documentId: $documentId) {\n      documentId\n      question\n      answer\n    }\n  }\n": types.AdminFaqEntryDocument,
    "\n  query AdminAgents {\n    agents(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        name\n        userName\n        status\n        maxSessions\n        autoAccept\n        staffIds\n      }\n    }\n  }\n": types.AdminAgentsDocument,
    "\n  mutation AdminCreateAgent($input: AgentCreateInput!) {\n    createAgent(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateAgentDocument,
    "\n  mutation AdminUpdateAgent($id: Int!, $input: AgentUpdateInput!) {\n    updateAgent(id: $id, input: $input) {\n      id\n      name\n      maxSessions\n      autoAccept\n      staffIds\n    }\n  }\n": types.AdminUpdateAgentDocument,
    "\n  mutation AdminDeleteAgent($id: Int!) {\n    deleteAgent(id: $id)\n  }\n": types.AdminDeleteAgentDocument,
    "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n        deliveryState {\n          pending\n          failed\n          latest {\n            id\n            state\n            attempts\n            lastError\n            deliveredAt\n          }\n        }\n      }\n    }\n  }\n": types.AdminChannelsDocument,
    "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateChannelDocument,
    "\n  mutation AdminUpdateChannel($id: Int!, $input: ChannelUpdateInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n    }\n  }\n": types.AdminUpdateChannelDocument,
    "\n  mutation AdminDeleteChannel($id: Int!) {\n    deleteChannel(id: $id)\n  }\n": types.AdminDeleteChannelDocument,
    "\n  query AdminChannelDeliveries($sessionId: Int!) {\n    channelDeliveries(sessionId: $sessionId) {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": types.AdminChannelDeliveriesDocument,
    "\n  subscription AdminDeliveryChanged {\n    channelDeliveryChanged {\n      id\n      sessionId\n      msgId\n      state\n      attempts\n      lastError\n      nextAttemptAt\n      deliveredAt\n      createdAt\n    }\n  }\n": types.AdminDeliveryChangedDocument,
    "\n  query AdminCannedReplies {\n    cannedReplies {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": types.AdminCannedRepliesDocument,
    "\n  mutation AdminCreateCannedReply($input: CannedReplyCreateInput!) {\n    createCannedReply(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateCannedReplyDocument,
    "\n  mutation AdminUpdateCannedReply($id: Int!, $input: CannedReplyUpdateInput!) {\n    updateCannedReply(id: $id, input: $input) {\n      id\n      shortcut\n      title\n      content\n      staffId\n    }\n  }\n": types.AdminUpdateCannedReplyDocument,
    "\n  mutation AdminDeleteCannedReply($id: Int!) {\n    deleteCannedReply(id: $id)\n  }\n": types.AdminDeleteCannedReplyDocument,
    "\n  subscription AdminAgentPresence {\n    agentPresence {\n      agentId\n      status\n    }\n  }\n": types.AdminAgentPresenceDocument,
    "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n  }\n": types.AdminWebhookEndpointFieldsFragmentDoc,
    "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventType\n    state\n    attempts\n    lastStatus\n    lastError\n    nextAttemptAt\n    createdAt\n  }\n": types.AdminWebhookDeliveryFieldsFragmentDoc,
    "\n  query AdminWebhooks {\n    webhookEventTypes\n    webhookEndpoints(page: { pageSize: 100 }) {\n      items {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminWebhooksDocument,
    "\n  query AdminWebhookDeliveries($endpointId: Int!) {\n    webhookDeliveries(endpointId: $endpointId, page: { pageSize: 50 }) {\n      total\n      items {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n": types.AdminWebhookDeliveriesDocument,
    "\n  mutation AdminCreateWebhook($input: WebhookEndpointCreateInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminCreateWebhookDocument,
    "\n  mutation AdminUpdateWebhook($id: Int!, $input: WebhookEndpointUpdateInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n": types.AdminUpdateWebhookDocument,
    "\n  mutation AdminDeleteWebhook($id: Int!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n": types.AdminDeleteWebhookDocument,
    "\n  mutation AdminTestWebhook($id: Int!) {\n    testWebhookEndpoint(id: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n": types.AdminTestWebhookDocument,
    "\n  mutation AdminRotateWebhookSecret($id: Int!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n": types.AdminRotateWebhookSecretDocument,
    "\n  mutation AdminRedeliverWebhook($id: Int!) {\n    redeliverWebhook(deliveryId: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n": types.AdminRedeliverWebhookDocument,
    "\n  fragment WorkspaceSession on Session {\n    id\n    status\n    channel\n    staffId\n    createdAt\n    queuedAt\n    acceptedAt\n    closedAt\n    queuePosition\n    lastMessage\n    lastMessageAt\n    lastSeq\n    handoffReason\n    csatScore\n    agent { id name }\n    contact { id nickname externalId channel avatarUrl }\n  }\n": types.WorkspaceSessionFragmentDoc,
    "\n  query AgentMe {\n    agentMe { id name status autoAccept staffIds }\n  }\n": types.AgentMeDocument,
    "\n  mutation SetAgentStatus($status: AgentStatus!) {\n    setAgentStatus(status: $status) { id status }\n  }\n": types.SetAgentStatusDocument,
    "\n  mutation SetAutoAccept($on: Boolean!) {\n    setAutoAccept(on: $on) { id autoAccept }\n  }\n": types.SetAutoAcceptDocument,
    "\n  query WorkspaceSessions($agentId: Int!) {\n    waiting: sessions(filter: { status: PENDING }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n    mine: sessions(filter: { status: MANUAL, agentId: $agentId }, page: { pageSize: 100 }) { items { ...WorkspaceSession } }\n  }\n": types.WorkspaceSessionsDocument,
    "\n  subscription WorkspaceSessionChanged($since: String) {\n    sessionChanged(since: $since) { eventSeq kind session { ...WorkspaceSession } }\n  }\n": types.WorkspaceSessionChangedDocument,
    "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status staffIds } }\n  }\n": types.ConversationDetailsDocument,
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
    "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n": types.BillingTradeFragmentDoc,
    "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n": types.BillingStaffsDocument,
    "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n": types.OnSaleProductsDocument,
    "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n": types.PayStaffDocument,
    "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n": types.BillingTradeOneDocument,
    "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n": types.BillingTradeUpdatedDocument,
    "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n": types.MerchantTradesDocument,
    "\n  mutation MerchantLogin($input: LoginInput!) {\n    login(input: $input) { token expiresAt role }\n  }\n": types.MerchantLoginDocument,
    "\n  mutation AgentLogin($input: LoginInput!) {\n    agentLogin(input: $input) { token expiresAt }\n  }\n": types.AgentLoginDocument,
    "\n  mutation AdminLogin($input: LoginInput!) {\n    adminLogin(input: $input) { token expiresAt role }\n  }\n": types.AdminLoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation AgentSignOff {\n    setAgentStatus(status: OFFLINE) { id status }\n  }\n": types.AgentSignOffDocument,
    "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n": types.PlatformMerchantsDocument,
    "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n": types.PlatformSetMerchantFrozenDocument,
    "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n": types.PlatformProductFragmentDoc,
    "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n": types.PlatformProductsDocument,
    "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n": types.PlatformCreateProductDocument,
    "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n": types.PlatformUpdateProductDocument,
    "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n": types.PlatformDeleteProductDocument,
    "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n": types.PlatformTradesDocument,
    "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n": types.PlatformRefundTradeDocument,
    "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n": types.ReportStaffsDocument,
    "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n": types.HelpdeskReportViewDocument,
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
export function graphql(source: "\n  query AdminFaqEntry($staffId: Int!, $documentId: Int!) {\n    faqEntry(staffId: $staffId, documentId: $documentId) {\n      documentId\n      question\n      answer\n    }\n  }\n"): (typeof documents)["\n  query AdminFaqEntry($staffId: Int!, $documentId: Int!) {\n    faqEntry(staffId: $staffId, documentId: $documentId) {\n      documentId\n      question\n      answer\n    }\n  }\n"];
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
export function graphql(source: "\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n        deliveryState {\n          pending\n          failed\n          latest {\n            id\n            state\n            attempts\n            lastError\n            deliveredAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminChannels {\n    channels(page: { pageSize: 100 }) {\n      total\n      items {\n        id\n        channelType\n        staffId\n        accountId\n        outboundUrl\n        secret\n        corpId\n        agentId\n        token\n        createdAt\n        deliveryState {\n          pending\n          failed\n          latest {\n            id\n            state\n            attempts\n            lastError\n            deliveredAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateChannel($input: ChannelCreateInput!) {\n    createChannel(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateChannel($id: Int!, $input: ChannelUpdateInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateChannel($id: Int!, $input: ChannelUpdateInput!) {\n    updateChannel(id: $id, input: $input) {\n      id\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n  }\n"): (typeof documents)["\n  fragment AdminWebhookEndpointFields on WebhookEndpoint {\n    id\n    url\n    description\n    eventTypes\n    enabled\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventType\n    state\n    attempts\n    lastStatus\n    lastError\n    nextAttemptAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AdminWebhookDeliveryFields on WebhookDelivery {\n    id\n    endpointId\n    eventType\n    state\n    attempts\n    lastStatus\n    lastError\n    nextAttemptAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhooks {\n    webhookEventTypes\n    webhookEndpoints(page: { pageSize: 100 }) {\n      items {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhooks {\n    webhookEventTypes\n    webhookEndpoints(page: { pageSize: 100 }) {\n      items {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminWebhookDeliveries($endpointId: Int!) {\n    webhookDeliveries(endpointId: $endpointId, page: { pageSize: 50 }) {\n      total\n      items {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminWebhookDeliveries($endpointId: Int!) {\n    webhookDeliveries(endpointId: $endpointId, page: { pageSize: 50 }) {\n      total\n      items {\n        ...AdminWebhookDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateWebhook($input: WebhookEndpointCreateInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateWebhook($input: WebhookEndpointCreateInput!) {\n    createWebhookEndpoint(input: $input) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateWebhook($id: Int!, $input: WebhookEndpointUpdateInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateWebhook($id: Int!, $input: WebhookEndpointUpdateInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      ...AdminWebhookEndpointFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteWebhook($id: Int!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteWebhook($id: Int!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminTestWebhook($id: Int!) {\n    testWebhookEndpoint(id: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminTestWebhook($id: Int!) {\n    testWebhookEndpoint(id: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRotateWebhookSecret($id: Int!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRotateWebhookSecret($id: Int!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n      endpoint {\n        ...AdminWebhookEndpointFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRedeliverWebhook($id: Int!) {\n    redeliverWebhook(deliveryId: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRedeliverWebhook($id: Int!) {\n    redeliverWebhook(deliveryId: $id) {\n      ...AdminWebhookDeliveryFields\n    }\n  }\n"];
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
export function graphql(source: "\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status staffIds } }\n  }\n"): (typeof documents)["\n  query ConversationDetails($id: Int!) {\n    session(id: $id) {\n      ...WorkspaceSession\n      labels { id name colour }\n      contact { id labels { id name colour } }\n      handoffSummary { text }\n      notes { id content createdAt afterSeq authorKind authorId }\n    }\n    labels { id name colour }\n    agents(page: { pageSize: 100 }) { items { id name status staffIds } }\n  }\n"];
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
export function graphql(source: "\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n"): (typeof documents)["\n  fragment BillingTrade on Trade {\n    id\n    tradeNo\n    state\n    payType\n    provider\n    payUrl\n    prodName\n    prodPrice\n    payAmount\n    refundAmount\n    currency\n    periodDays\n    periodStart\n    periodEnd\n    staffId\n    staff { id name }\n    createdAt\n    paidAt\n    expiresAt\n    refundedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n"): (typeof documents)["\n  query BillingStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name state trialTime expiringTime }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n"): (typeof documents)["\n  query OnSaleProducts {\n    products(page: { pageSize: 100 }) {\n      items { id name description price currency expiringDays trialDays language }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n"): (typeof documents)["\n  mutation PayStaff($input: PayStaffInput!) {\n    payStaff(input: $input) { ...BillingTrade }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n"): (typeof documents)["\n  query BillingTradeOne($tradeNo: String!) {\n    trade(tradeNo: $tradeNo) { ...BillingTrade }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n"): (typeof documents)["\n  subscription BillingTradeUpdated($tradeNo: String) {\n    tradeUpdated(tradeNo: $tradeNo) { tradeNo state trade { ...BillingTrade } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n"): (typeof documents)["\n  query MerchantTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...BillingTrade }\n    }\n  }\n"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AgentSignOff {\n    setAgentStatus(status: OFFLINE) { id status }\n  }\n"): (typeof documents)["\n  mutation AgentSignOff {\n    setAgentStatus(status: OFFLINE) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n"): (typeof documents)["\n  query PlatformMerchants($search: String, $page: PageInput) {\n    merchants(search: $search, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { id userName email isFrozen createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n"): (typeof documents)["\n  mutation PlatformSetMerchantFrozen($id: Int!, $frozen: Boolean!) {\n    setMerchantFrozen(id: $id, frozen: $frozen) { id isFrozen }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment PlatformProduct on Product {\n    id\n    serialNo\n    name\n    description\n    price\n    currency\n    expiringDays\n    trialDays\n    language\n    state\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n"): (typeof documents)["\n  query PlatformProducts($filter: ProductFilterInput, $page: PageInput) {\n    products(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items { ...PlatformProduct }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n"): (typeof documents)["\n  mutation PlatformCreateProduct($input: ProductCreateInput!) {\n    createProduct(input: $input) { ...PlatformProduct }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n"): (typeof documents)["\n  mutation PlatformUpdateProduct($id: Int!, $input: ProductUpdateInput!) {\n    updateProduct(id: $id, input: $input) { ...PlatformProduct }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n"): (typeof documents)["\n  mutation PlatformDeleteProduct($id: Int!) {\n    deleteProduct(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlatformTrades($filter: TradeFilterInput, $page: PageInput) {\n    trades(filter: $filter, page: $page) {\n      total\n      pageNo\n      pageSize\n      items {\n        id tradeNo state payType provider prodName payAmount refundAmount currency periodDays merchantId staffId\n        staff { id name }\n        createdAt paidAt refundedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n"): (typeof documents)["\n  mutation PlatformRefundTrade($tradeNo: String!, $reason: String) {\n    refundTrade(tradeNo: $tradeNo, reason: $reason) { id tradeNo state refundAmount refundedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n"): (typeof documents)["\n  query ReportStaffs {\n    staffs(page: { pageSize: 100 }) {\n      items { id name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n"): (typeof documents)["\n  query HelpdeskReportView($input: ReportInput!) {\n    helpdeskReport(input: $input) {\n      from\n      to\n      timeZone\n      total {\n        conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds avgResolutionSeconds csatAverage csatCount\n        handoffReasons { reason count }\n      }\n      byDay {\n        day conversations aiOnly aiOnlyRate handedOff handoffRate\n        avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount\n      }\n      byStaff { id name conversations aiOnlyRate handoffRate avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n      byAgent { id name conversations handedOff avgQueueWaitSeconds avgFirstResponseSeconds csatAverage csatCount }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;