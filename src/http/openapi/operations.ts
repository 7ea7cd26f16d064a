import { agentConsoleOperations } from '../../compat-rest/agent-console/agent-console.routes.js';
import { compatRestOperations } from '../../compat-rest/index.js';
import { fileAssetOperations } from '../../compat-rest/knowledge/file-assets.routes.js';
import { sessionOperations } from '../../compat-rest/session/session.routes.js';
import { audioOperations } from '../audio/audio-assets.routes.js';
import { channelCallbackOperations } from '../channel/channel-callback.routes.js';
import { chatPageOperations } from '../chat-page/chat-page.routes.js';
import { chatUploadOperations } from '../chat-page/chat-upload.routes.js';
import { widgetOperations } from '../chat-page/widget.routes.js';
import { reportOperations } from '../report/report.routes.js';
import { paymentOperations } from '../payment/payment.routes.js';
import { apiDocsOperations } from './api-docs.routes.js';
import type { Operation } from './operation.js';

/** Every REST operation the app mounts, in the order of the document. */
export const restOperations = (service: Record<string, Operation>): Operation[] => [
  ...compatRestOperations,
  ...Object.values(sessionOperations),
  ...Object.values(agentConsoleOperations),
  ...Object.values(channelCallbackOperations),
  ...Object.values(paymentOperations),
  ...Object.values(chatUploadOperations),
  ...Object.values(chatPageOperations),
  ...Object.values(widgetOperations),
  ...Object.values(reportOperations),
  ...Object.values(fileAssetOperations),
  ...Object.values(audioOperations),
  ...Object.values(service),
  ...Object.values(apiDocsOperations),
];
