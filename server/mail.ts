import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Config, Logger, MailMessage, Mailer } from "../app/modules/platform/services";

export type { MailMessage, Mailer };

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file under DATA_DIR/mail with a log
 * line, so that no mail is ever silently dropped in development.
 */
export function createMailer(config: Pick<Config, "smtpUrl" | "dataDir" | "mailFrom">, log: Logger): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        const info = await transport.sendMail({ from: config.mailFrom, ...message });
        log.info({ messageId: info.messageId, subject: message.subject }, "mail sent over SMTP");
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const mailDir = path.join(config.dataDir, "mail");
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.mailFrom, ...message });
      await fs.mkdir(mailDir, { recursive: true });
      const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${info.messageId.replace(/[^a-z0-9]/gi, "").slice(0, 16)}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      log.info({ file, subject: message.subject }, "mail written to file (no SMTP_URL)");
    },
  };
}
