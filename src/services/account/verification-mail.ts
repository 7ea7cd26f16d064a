import type { MailMessage } from '../mail/mailer.js';
import { CodePurpose } from '../../entities/auth/verification-code.entity.js';

export type MailLanguage = 'en' | 'zh-CN';

const texts = {
  en: {
    [CodePurpose.Register]: 'Your registration code',
    [CodePurpose.ResetPassword]: 'Your password reset code',
    body: (code: string, minutes: number) =>
      `Your verification code is ${code}.\n\nIt is valid for ${minutes} minutes. If you did not ask for it, ignore this e-mail.`,
  },
  'zh-CN': {
    [CodePurpose.Register]: '您的注册验证码',
    [CodePurpose.ResetPassword]: '您的重置密码验证码',
    body: (code: string, minutes: number) =>
      `您的验证码是 ${code}。\n\n验证码 ${minutes} 分钟内有效。如果这不是您本人的操作，请忽略本邮件。`,
  },
} as const;

export function verificationMail(to: string, purpose: CodePurpose, code: string, language: MailLanguage, minutes: number): MailMessage {
  const t = texts[language];
  return { to, subject: t[purpose], text: t.body(code, minutes) };
}
