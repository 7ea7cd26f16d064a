import { formatSeedTime } from '../../core/time.js';
import type { Staff } from '../../entities/staff/staff.entity.js';
import type { Services } from '../../services/index.js';
import { z } from 'zod';
import { LanguageMode, LanguageResponse, OutputLength, StaffState, Tone } from '../../entities/staff/staff-enums.js';
import { bool, createdTime, int, seedTime, str, updatedTime } from '../fields.js';

export const staffItem = z
  .strictObject({
    id: int('员工ID'),
    serial_no: str('员工序列号'),
    customer_id: int('归属客户ID'),
    name: str('员工名称'),
    org_name: str('组织名称'),
    tone: z.enum(Tone).meta({ description: '语气:friendly and sincere(友好且真诚), professional and cautious(专业且稳重), clear and direct(清晰且直接)' }),
    output_length: z.enum(OutputLength).meta({ description: '回复长度:detailed(详细), normal-length(正常长度), concise(简洁)' }),
    language_mode: z.enum(LanguageMode).meta({ description: '语言模式:written(书面),spoken(口语)' }),
    language_response: z.enum(LanguageResponse).meta({ description: '回复语言:Chinese、English' }),
    description: str('描述'),
    trial_time: seedTime('试用结束时间'),
    expiring_time: seedTime('有效期截止时间'),
    state: z.enum(StaffState).meta({ description: '状态(0=未激活 1=正常 2=接近过期 3=已过期)' }),
    edit_user: str('最后编辑人 ("" in the public lookup)'),
    is_frozen: bool('是否已冻结'),
    api_key: str('API key (系统自定生成,不能编辑; "" in the public lookup)'),
    secret_key: str('Secret key (系统自定生成,不能编辑; "" in the public lookup)'),
    chat_url: str('智能员工URL: the chat page'),
    avatar_url: str('智能员工头像'),
    greetings: str('问候语'),
    repo_name: str('知识库名称'),
    repo_descr: str('知识库描述'),
    is_deleted: bool('是否已删除'),
    created_time: createdTime,
    updated_time: updatedTime,
  })
  .meta({ id: 'Staff' });

/**
 * A staff in the seed's list shape. `owner: false` is the public lookup: it never shows the keys nor
 * `edit_user` (the merchant's login name); the fields stay, empty, as the seed lists them.
 */
export function presentStaff(staff: Staff, s: Services, owner: boolean): z.input<typeof staffItem> {
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
