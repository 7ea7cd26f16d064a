import { formatSeedTime } from '../../core/time.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { Services } from '../../services/index.js';

/**
 * A staff in the seed's list shape. `owner: false` is the public lookup: it never shows the keys nor
 * `edit_user` (the merchant's login name); the fields stay, empty, as the seed lists them.
 */
export function presentStaff(staff: Staff, s: Services, owner: boolean) {
  const tz = s.config.timezone;
  return {
    id: staff.id,
    serial_no: staff.serialNo,
    customer_id: staff.merchant.id,
    name: staff.name,
    org_name: staff.orgName,
    tone: staff.tone,
    output_length: staff.outputLength,
    language_mode: staff.languageMode,
    language_response: staff.languageResponse,
    description: staff.description,
    trial_time: formatSeedTime(staff.trialTime, tz),
    expiring_time: formatSeedTime(staff.expiringTime, tz),
    state: s.staff.stateOf(staff),
    edit_user: owner ? staff.editUser : '',
    is_frozen: staff.isFrozen,
    api_key: owner ? staff.apiKey : '',
    secret_key: owner ? staff.secretKey : '',
    chat_url: `${s.config.publicUrl}/chat/${staff.serialNo}`,
    avatar_url: staff.avatarUrl,
    greetings: staff.greetings,
    repo_name: staff.repoName,
    repo_descr: staff.repoDescr,
    is_deleted: staff.isDeleted,
    created_time: formatSeedTime(staff.createdAt, tz),
    updated_time: formatSeedTime(staff.updatedAt, tz),
  };
}
