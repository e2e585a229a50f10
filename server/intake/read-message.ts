import type { IntakeChannel } from '../../core/intake/intake-enums.ts';
import { ocrImage } from './ocr.ts';
import { pdfText } from './pdf-text.ts';

/** A message's part as read: its text, and the bytes of an attachment (filed as a document for the screen). */
export type ReadPart = {
  kind: 'body' | 'pdf' | 'image' | 'other';
  filename: string | null;
  mimeType: string;
  bytes: Buffer | null;
  text: string;
  ocrConfidence: number | null;
};

export type ReadMessage = {
  messageId: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: Date | null;
  channel: IntakeChannel;
  parts: ReadPart[];
};

/** Only the headers, to file the message before reading it: its id, sender, subject and date. */
export async function readHeaders(
  raw: Buffer,
): Promise<Pick<ReadMessage, 'messageId' | 'fromAddress' | 'fromName' | 'subject' | 'sentAt'>> {
  const { simpleParser } = await import('mailparser');
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const from = mail.from?.value[0];
  return {
    messageId: mail.messageId ?? null,
    fromAddress: from?.address?.toLowerCase() ?? null,
    fromName: from?.name || null,
    subject: mail.subject ?? null,
    sentAt: mail.date ?? null,
  };
}

const IMAGE = /^image\/(png|jpe?g|tiff|gif|webp|bmp)$/;

/**
 * Reads a raw message (RFC 5322): the body's text (the subject first, a line the PO number is often in), each PDF
 * attachment's text, each image attachment's OCR. A fax is a message whose text is in an image (what a fax
 * server's fax-to-email sends), or whose subject says fax.
 */
export async function readMessage(raw: Buffer): Promise<ReadMessage> {
  const { simpleParser } = await import('mailparser');
  // Its own HTML reading: mailparser's glues a table's cells together; here they stay apart, a row a line.
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipImageLinks: true, skipTextLinks: true });
  const from = mail.from?.value[0];
  const bodyText = (mail.text || (typeof mail.html === 'string' ? htmlToText(mail.html) : '')).replace(/\r\n/g, '\n').trim();
  const parts: ReadPart[] = [
    {
      kind: 'body',
      filename: null,
      mimeType: 'text/plain',
      bytes: null,
      text: `${mail.subject ? `Objet : ${mail.subject}\n\n` : ''}${bodyText}`,
      ocrConfidence: null,
    },
  ];
  for (const a of mail.attachments) {
    const type = a.contentType.toLowerCase();
    const filename = a.filename ?? null;
    if (type === 'application/pdf' || filename?.toLowerCase().endsWith('.pdf')) {
      const text = await pdfText(a.content).catch(() => '');
      parts.push({ kind: 'pdf', filename, mimeType: 'application/pdf', bytes: a.content, text, ocrConfidence: null });
    } else if (IMAGE.test(type)) {
      const ocr = await ocrImage(a.content);
      parts.push({ kind: 'image', filename, mimeType: type, bytes: a.content, text: ocr.text, ocrConfidence: ocr.confidence });
    } else if (a.contentDisposition === 'attachment') {
      parts.push({ kind: 'other', filename, mimeType: type, bytes: a.content, text: '', ocrConfidence: null });
    }
  }
  const faxLike = /\bfax\b|t[ée]l[ée]copie/i.test(mail.subject ?? '') || (parts.some((p) => p.kind === 'image') && bodyText.length < 400);
  return {
    messageId: mail.messageId ?? null,
    fromAddress: from?.address?.toLowerCase() ?? null,
    fromName: from?.name || null,
    subject: mail.subject ?? null,
    sentAt: mail.date ?? null,
    channel: faxLike ? 'fax' : 'email',
    parts,
  };
}

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/tr|\/li|\/h\d)[^>]*>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '   ')
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"');
}
