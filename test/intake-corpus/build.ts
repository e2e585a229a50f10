import { CORPUS_TODAY, type CorpusCase } from './corpus.ts';

/** Builds a corpus case as the mailbox receives it: an RFC 5322 message with its PDF or fax image attached. */
export async function buildMessage(c: CorpusCase): Promise<Buffer> {
  const text = c.body.replace('{lines}', c.lines.map((l) => l.text.replaceAll('|', '   ')).join('\n'));
  const attachments: { filename: string; type: string; bytes: Buffer }[] = [];
  let body: { type: string; content: string };
  if (c.layout === 'html') {
    const rows = c.lines
      .map(
        (l) =>
          `<tr>${l.text
            .split('|')
            .map((cell) => `<td>${escapeHtml(cell.trim())}</td>`)
            .join('')}</tr>`,
      )
      .join('');
    body = { type: 'text/html', content: `<html><body>${c.body.replace('{lines}', `<table border="1">${rows}</table>`)}</body></html>` };
  } else if (c.layout === 'pdf' || c.layout === 'sheet') {
    body = { type: 'text/plain', content: c.body };
    attachments.push({ filename: `commande-${c.id}.pdf`, type: 'application/pdf', bytes: await orderFormPdf(c) });
  } else if (c.layout === 'scan') {
    body = {
      type: 'text/plain',
      content: `Vous avez reçu une télécopie.\nExpéditeur : ${c.subject.replace(/^Fax de /, '')}\nPages : 1\n\n-- Service fax-to-email`,
    };
    attachments.push({ filename: `fax-${c.id}.jpg`, type: 'image/jpeg', bytes: await faxImage(c) });
  } else body = { type: 'text/plain', content: text };
  return mime(c, body, attachments);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const encodeWord = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`);
const base64Lines = (b: Buffer) => b.toString('base64').replace(/.{76}/g, '$&\r\n');

function mime(
  c: CorpusCase,
  body: { type: string; content: string },
  attachments: { filename: string; type: string; bytes: Buffer }[],
): Buffer {
  const boundary = `=_carnet_${c.id}`;
  const minute = String(CORPUS_CASE_MINUTE(c.id)).padStart(2, '0');
  const headers = [
    `From: ${c.fromName ? `${encodeWord(c.fromName)} <${c.from}>` : c.from}`,
    'To: ADV Moulins Delaunay <commandes@moulins-delaunay.example>',
    `Subject: ${encodeWord(c.subject)}`,
    `Date: ${new Date(`${CORPUS_TODAY}T08:${minute}:00+01:00`).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${c.id}@corpus.carnet.test>`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, content: Buffer, extra: string[] = []) =>
    [`Content-Type: ${type}`, 'Content-Transfer-Encoding: base64', ...extra, '', base64Lines(content)].join('\r\n');
  const bodyPart = part(`${body.type}; charset=utf-8`, Buffer.from(body.content));
  if (!attachments.length) return Buffer.from([...headers, bodyPart].join('\r\n'));
  const parts = [
    bodyPart,
    ...attachments.map((a) =>
      part(`${a.type}; name="${a.filename}"`, a.bytes, [`Content-Disposition: attachment; filename="${a.filename}"`]),
    ),
  ];
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      ...parts.map((p) => `--${boundary}\r\n${p}`),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

function CORPUS_CASE_MINUTE(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 60;
  return h;
}

const CUSTOMER_NAMES: Record<string, string> = {
  C010: 'BPLI — Boulangerie Pâtisserie Loire Ingrédients',
  C011: 'Cash Pro Centre',
  C030: 'Biscuiterie de Sologne SAS',
  C031: 'BVC — Brioches & Viennoiseries du Centre',
  C040: 'SudRest Collectivités',
};

/** A customer's order form, typed (`pdf`) or exported from a spreadsheet (`sheet`: a grid, columns A–D). */
async function orderFormPdf(c: CorpusCase): Promise<Buffer> {
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({ size: 'A4', margin: 40 });
  const chunks: Buffer[] = [];
  doc.on('data', (d: Buffer) => chunks.push(d));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const [y, m, d] = (c.requestedDate ?? CORPUS_TODAY).split('-');
  if (c.layout === 'pdf') {
    doc.fontSize(16).text(CUSTOMER_NAMES[c.customer] ?? c.customer);
    doc
      .moveDown(0.5)
      .fontSize(13)
      .text(`BON DE COMMANDE N° ${c.customerRef ?? ''}`);
    doc.fontSize(10).text(`Date de livraison souhaitée : ${d}/${m}/${y}`);
    doc.text('Fournisseur : Moulins Delaunay SAS — 45410 Artenay');
    doc.moveDown();
  } else {
    doc.fontSize(9).text(`Commande ${c.customerRef ?? ''}          Livraison le ${d}/${m}/${y}`);
    doc.moveDown(0.5);
  }
  const widths = [110, 250, 60, 60];
  const heads = c.layout === 'pdf' ? ['Code article', 'Désignation', 'Quantité', 'Unité'] : ['Référence', 'Libellé', 'Qté', 'Unité'];
  let top = doc.y;
  const row = (cells: string[], bold: boolean) => {
    let x = 40;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(c.layout === 'sheet' ? 9 : 10);
    cells.forEach((cell, i) => {
      if (c.layout === 'sheet') doc.rect(x, top, widths[i], 18).stroke('#999');
      doc.fillColor('black').text(cell, x + 4, top + 5, { width: widths[i] - 8, lineBreak: false });
      x += widths[i];
    });
    top += 20;
  };
  row(heads, true);
  for (const l of c.lines)
    row(
      l.text.split('|').map((s) => s.trim()),
      false,
    );
  doc
    .font('Helvetica')
    .fontSize(9)
    .text('Merci de confirmer par retour de mail.', 40, top + 20);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A fax as the fax server sends it: the page written by hand (an oblique font, each line a little askew and off its
 * margin), photographed or scanned — turned, blurred, greyed, with speckles — and JPEG-compressed. `roughness` 0–1.
 */
async function faxImage(c: CorpusCase): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const rough = c.roughness ?? 0.4;
  const text = c.body.replace('{lines}', c.lines.map((l) => l.text).join('\n')).split('\n');
  const all = [c.faxHeader ?? '', '', ...text];
  const width = 1240;
  const height = 140 + all.length * 78;
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5;
  const lines = all
    .map((line, i) => {
      const y = 90 + i * 78;
      if (i === 0)
        return `<text x="40" y="40" font-family="DejaVu Sans Mono" font-size="22" fill="#333">${escapeHtml(line)}   ${CORPUS_TODAY.split('-').reverse().join('/')} 08:12  P.1/1</text>`;
      const angle = rnd() * 2 * rough;
      const x = 70 + rnd() * 30 * rough;
      return `<text x="${x.toFixed(1)}" y="${y}" font-family="DejaVu Sans" font-style="oblique" font-size="${40 + Math.round(rnd() * 6)}" fill="#1b1f4a" transform="rotate(${angle.toFixed(2)} ${x} ${y})">${escapeHtml(line)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#f3efe6"/>${lines}</svg>`;
  const speckles = Buffer.alloc(width * height);
  for (let i = 0; i < speckles.length; i++) speckles[i] = Math.random() < 0.004 * rough ? 0 : 255;
  const noise = await sharp(speckles, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  return sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'multiply' }])
    .rotate(0.8 + rough * 1.2, { background: '#d8d4cc' })
    .blur(0.5 + rough * 0.6)
    .greyscale()
    .jpeg({ quality: Math.round(70 - rough * 25) })
    .toBuffer();
}
