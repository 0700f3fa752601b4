import nodemailer from "nodemailer";

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? "localhost",
  port: Number(process.env.SMTP_PORT ?? 1025),
  secure: false,
});

export async function notifyHostOfComment(episodeId: number, authorName: string, body: string): Promise<void> {
  await transport.sendMail({
    from: "Castline <noreply@castline.fm>",
    to: process.env.MODERATION_INBOX ?? "hosts@castline.fm",
    subject: `New comment on episode #${episodeId} from ${authorName}`,
    text: body.slice(0, 2000),
  });
}
