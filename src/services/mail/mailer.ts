import nodemailer from 'nodemailer';
import type { Logger } from '../../core/logger.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Real delivery through the SMTP server in SMTP_URL. */
export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    /** Connecting, the server's greeting, and any silence afterwards; nodemailer's defaults run to minutes. */
    timeoutMs: number,
  ) {
    this.transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}

/**
 * Without SMTP_URL, mail is written to the log so a developer can read the code: the development mail
 * sink. Its lines carry verification and reset codes in clear, so each is marked `devMailSink: true`.
 */
export class LogMailer implements Mailer {
  constructor(private readonly log: Logger) {}

  async send(message: MailMessage): Promise<void> {
    this.log.info({ devMailSink: true, mail: message }, 'development mail sink (SMTP_URL not set): mail logged, not delivered');
  }
}
