import type { SaleUnit } from '../catalog/product-enums.ts';
import { hasValidGs1CheckDigit } from '../catalog/packaging.ts';
import type { ProductVia, ReadUnit } from './intake-enums.ts';
import type { FoundLine, FoundOrder, FoundValue, Where } from './intake.schemas.ts';
import { findCustomerRef, findRequestedDate } from './find-header.ts';
import { codeKey, confusableKey, foldSameLength, linesOf, stem, type TextLine } from './text.ts';
import { readUnit, SALE_UNIT_AS_READ, toSaleUnits } from './units.ts';

export type IntakeProduct = {
  id: number;
  code: string;
  gtin: string | null;
  caseGtin: string | null;
  name: string;
  saleUnit: SaleUnit;
  netWeightG: number;
  unitsPerCarton: number;
  cartonsPerLayer: number | null;
  layersPerPallet: number | null;
  status: string;
};

/** What the desk corrected before for this customer: his wording of a product, his unit for a product. */
export type IntakeCorrection =
  { kind: 'product'; readKey: string; productId: number } | { kind: 'unit'; productId: number; unit: ReadUnit; unitFactor: number };

export type IntakeCatalogue = {
  products: readonly IntakeProduct[];
  customerCodes: readonly { code: string; productId: number; unitFactor: number }[];
  corrections: readonly IntakeCorrection[];
  /** How often this customer ordered each product: between two names that fit alike, his usual one. */
  usual?: ReadonlyMap<number, number>;
};

/** A part's text, and whether it was read by OCR (its readings are less sure). */
export type TextPart = { text: string; ocr: boolean };

const STOP = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'au',
  'aux',
  'en',
  'pour',
  'a',
  'et',
  'x',
  'qte',
  'quantite',
  'ref',
  'n',
  'no',
  'svp',
  'merci',
]);
/** Where a message stops being the order: the quoted message it answers, the signature. */
const QUOTE_START = /^(>|-{2,}\s*(message d'origine|original message|message transfere)|le .{3,80} a ecrit\s*:|de\s*:\s.+@|-- ?$)/;

type Token = { word: string; start: number; end: number };

function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(/[a-z0-9]+(?:[-/.][a-z0-9]+)*/g)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The words of a product name that tell it apart: flour types, weights ("25kg"), kinds; stemmed. */
function nameWords(folded: string): string[] {
  const joined = folded.replace(/(\d+)\s*(kg|g)\b/g, '$1$2').replace(/big bag/g, 'bigbag');
  return [...joined.matchAll(/[a-z0-9]+/g)].map((m) => stem(m[0])).filter((w) => !STOP.has(w) && !/^\d+$/.test(w));
}

type NameIndex = { product: IntakeProduct; words: Set<string>; weight: string | null; type: string | null }[];

function nameIndex(products: readonly IntakeProduct[]): { index: NameIndex; idf: Map<string, number>; telling: Set<string> } {
  const index: NameIndex = products.map((product) => {
    // "— colis de 10" says how the carton is made, not what the customer asks for.
    const folded = product.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/colis de \d+/, 'colis');
    const words = new Set(nameWords(folded));
    return {
      product,
      words,
      weight: [...words].find((w) => /^\d+k?g$/.test(w)) ?? null,
      type: [...words].find((w) => /^t\d{2,3}$/.test(w)) ?? null,
    };
  });
  const df = new Map<string, number>();
  for (const e of index) for (const w of e.words) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = new Map([...df].map(([w, n]) => [w, Math.log(1 + products.length / n)]));
  // A word in more than a fifth of the names (and more than two) tells nothing apart.
  const telling = new Set([...df].filter(([, n]) => n <= Math.max(2, products.length / 5)).map(([w]) => w));
  return { index, idf, telling };
}

type ProductHit = {
  product: IntakeProduct;
  via: ProductVia;
  confidence: number;
  start: number;
  end: number;
  customerCode: string | null;
  unitFactor: number;
};

function findByCode(line: TextLine, catalogue: IntakeCatalogue, byId: Map<number, IntakeProduct>, ocr: boolean): ProductHit | null {
  const raw = [...line.text.matchAll(/[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*/g)];
  // A GTIN may be written in groups ("3 012345 001021"): the digits of the line, glued, are tried too.
  for (const m of line.text.matchAll(/\d[\d ]{11,18}\d/g)) {
    const digits = m[0].replace(/ /g, '');
    if ((digits.length === 13 || digits.length === 14 || digits.length === 8) && hasValidGs1CheckDigit(digits)) {
      const product = catalogue.products.find((p) => p.gtin === digits || p.caseGtin === digits);
      if (product)
        return {
          product,
          via: 'gtin',
          confidence: ocr ? 0.85 : 0.98,
          start: m.index,
          end: m.index + m[0].length,
          customerCode: null,
          unitFactor: 1,
        };
    }
  }
  for (const m of raw) {
    const key = codeKey(m[0]);
    if (key.length < 3 || !/\d/.test(key)) continue;
    const customer = catalogue.customerCodes.find((c) => codeKey(c.code) === key);
    const own = catalogue.products.find((p) => codeKey(p.code) === key);
    const hit = (product: IntakeProduct | undefined, via: ProductVia, confidence: number, customerCode: string | null, unitFactor = 1) =>
      product ? { product, via, confidence, start: m.index, end: m.index + m[0].length, customerCode, unitFactor } : null;
    if (customer) return hit(byId.get(customer.productId), 'customerCode', ocr ? 0.88 : 0.97, customer.code, customer.unitFactor);
    if (own) return hit(own, 'ourCode', ocr ? 0.88 : 0.97, null);
    // What OCR reads as O for 0, l for 1: the same code once those are evened out, less sure.
    const loose = confusableKey(m[0]);
    const looseCustomer = catalogue.customerCodes.find((c) => confusableKey(c.code) === loose);
    if (looseCustomer) return hit(byId.get(looseCustomer.productId), 'customerCode', 0.75, looseCustomer.code, looseCustomer.unitFactor);
    const looseOwn = catalogue.products.find((p) => confusableKey(p.code) === loose);
    if (looseOwn) return hit(looseOwn, 'ourCode', 0.75, null);
  }
  return null;
}

/** The words of a line that say what it asks for, without quantities and units: the key a correction is kept under. */
export function readKeyOf(text: string): string {
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return [...folded.matchAll(/[a-z][a-z0-9]*/g)]
    .map((m) => m[0])
    .filter((w) => !STOP.has(w) && readUnit(w) === null && w.length > 1)
    .join(' ');
}

function findByCorrection(line: TextLine, catalogue: IntakeCatalogue, byId: Map<number, IntakeProduct>): ProductHit | null {
  const key = ` ${readKeyOf(line.text)} `;
  for (const c of catalogue.corrections) {
    if (c.kind !== 'product' || !c.readKey || !key.includes(` ${c.readKey} `)) continue;
    const product = byId.get(c.productId);
    if (product)
      return { product, via: 'correction', confidence: 0.92, start: 0, end: line.text.length, customerCode: null, unitFactor: 1 };
  }
  return null;
}

function findByName(
  line: TextLine,
  names: ReturnType<typeof nameIndex>,
  usual: ReadonlyMap<number, number>,
  ocr: boolean,
): ProductHit | null {
  const mostUsual = Math.max(1, ...usual.values());
  const lineTokens = tokens(line.folded.replace(/(\d+)\s(kg|g)\b/g, '$1$2'));
  // The folded text with "25 kg" glued keeps offsets only up to the glue; positions are taken on the original.
  const positions = tokens(line.folded);
  const words = new Set<string>();
  for (const t of lineTokens) for (const part of t.word.split(/[-/.]/)) if (!STOP.has(part)) words.add(stem(part));
  if (words.has('big') && words.has('bag')) words.add('bigbag');
  const lineTypes = [...words].filter((w) => /^t\d{2,3}$/.test(w));
  const lineWeights = [...words].filter((w) => /^\d+k?g$/.test(w));
  let best: { e: NameIndex[number]; score: number; coverage: number } | null = null;
  let second = 0;
  for (const e of names.index) {
    let hit = 0;
    let total = 0;
    let telling = false;
    for (const w of e.words) {
      const weight = names.idf.get(w) ?? 0;
      total += weight;
      if (words.has(w)) {
        hit += weight;
        // "farine", "sac", "blé" fit most of the catalogue: at least one word must tell the product apart.
        if (names.telling.has(w)) telling = true;
      }
    }
    if (hit === 0 || !telling) continue;
    let score = hit;
    // A different flour type or pack weight written on the line rules the product out.
    if (lineTypes.length && (!e.type || !lineTypes.includes(e.type))) score -= 6;
    if (lineWeights.length && e.weight && !lineWeights.includes(e.weight)) score -= 2.5;
    if (e.product.status !== 'active') score -= 1;
    const coverage = hit / total;
    score += 0.3 * coverage + (0.6 * (usual.get(e.product.id) ?? 0)) / mostUsual;
    if (!best || score > best.score) {
      second = best?.score ?? second;
      best = { e, score, coverage };
    } else if (score > second) second = score;
  }
  if (!best || best.score < 2 || best.coverage < 0.12) return null;
  const margin = best.score - second;
  let confidence = Math.min(0.95, 0.45 + 0.35 * best.coverage + Math.min(0.2, margin / 10));
  if (ocr) confidence *= 0.9;
  const matched = positions.filter((t) => t.word.split(/[-/.]/).some((w) => best.e.words.has(stem(w))));
  const start = matched.length ? Math.min(...matched.map((t) => t.start)) : 0;
  const end = matched.length ? Math.max(...matched.map((t) => t.end)) : line.text.length;
  return { product: best.e.product, via: 'name', confidence, start, end, customerCode: null, unitFactor: 1 };
}

type QuantityHit = { value: number; unit: ReadUnit | null; confidence: number; start: number; end: number };

/** The quantity of a line: a number with a counting unit first, then one marked "x" or "qté", then a lone number. */
function findQuantity(line: TextLine, product: ProductHit): QuantityHit | null {
  const f = line.folded;
  const candidates: QuantityHit[] = [];
  const re = /(?<![a-z0-9/,.-])(\d{1,6}(?:[,.]\d{1,3})?)(?![\d/])(\s*(?:big ?bags?|[a-z]+\.?))?/g;
  for (const m of f.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    // Inside the product's own code or the span its name was read from ("sac 25 kg" of the name) it is not a quantity.
    if (product.via !== 'name' && product.via !== 'correction' && start >= product.start && start < product.end) continue;
    const number = Number(m[1].replace(',', '.'));
    const word = (m[2] ?? '').trim().replace(/\.$/, '');
    const unit = word ? readUnit(word) : null;
    const after = f.slice(end, end + 3);
    const before = f.slice(Math.max(0, start - 12), start);
    if (/^\s*(€|eur|%|h\b|ht)/.test(after) || /^(€|eur|ht)/.test(word)) continue;
    if (word && !unit && !/^(x)$/.test(word) && /^[a-z]/.test(word) && word.length > 2 && /^(g|gr)$/.test(word) === false) {
      // "12 farine" has a number before the product's name: a count without a unit.
      if (number % 1 === 0 && number > 0) candidates.push({ value: number, unit: null, confidence: 0.6, start, end: start + m[1].length });
      continue;
    }
    if (/^(g|gr)$/.test(word)) continue;
    const isWeightOfName =
      (unit === 'KG' || /kg/.test(word)) &&
      product.via === 'name' &&
      new RegExp(`\\b${m[1]}\\s*kg\\b`).test(
        product.product.name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase(),
      ) &&
      /(sac|de|sacs|en)\s*$/.test(before.trim() + ' ') === true;
    if (isWeightOfName) continue;
    if (unit && unit !== 'KG') candidates.push({ value: number, unit, confidence: 0.95, start, end });
    else if (unit === 'KG') {
      // "25 kg" right after "sac", or the pack weight of the product's name, is the sack's size, not the quantity.
      if (/sacs?\s*(de\s*)?$/.test(before)) continue;
      if (new RegExp(`(^|\\D)${m[1]}\\s*kg`).test(foldSameLength(product.product.name))) continue;
      candidates.push({ value: number, unit, confidence: 0.75, start, end });
    } else if (/(x|qte|quantite|qty|:)\s*$/.test(before) || /^\s*x\b/.test(f.slice(end))) {
      candidates.push({ value: number, unit: null, confidence: 0.85, start, end });
    } else if (number % 1 === 0 && number > 0) {
      const leading = /^\s*$/.test(f.slice(0, start)) && /^\s*[.)-]/.test(f.slice(end));
      if (!leading) candidates.push({ value: number, unit: null, confidence: 0.65, start, end });
    }
  }
  if (!candidates.length) return null;
  // The surest; among equals the one after the product (tables put the quantity after the designation).
  candidates.sort(
    (a, b) => b.confidence - a.confidence || Number(b.start >= product.end) - Number(a.start >= product.end) || a.start - b.start,
  );
  return candidates[0];
}

/**
 * Reads an order out of a message's text: each line that names one of our products (a GTIN, the customer's code,
 * our code, a wording the desk corrected before, or its name) with a quantity, converted to the product's sale
 * unit; the requested date and the customer's PO number; each value with how sure it is and where it was read.
 */
export function findOrder(parts: readonly TextPart[], catalogue: IntakeCatalogue, today: string): FoundOrder {
  const byId = new Map(catalogue.products.map((p) => [p.id, p]));
  const names = nameIndex(catalogue.products);
  const lines: FoundLine[] = [];
  const values: FoundValue[] = [];
  const where = (part: number, line: TextLine, start: number, end: number): Where => ({
    part,
    start: line.start + start,
    end: line.start + end,
  });

  parts.forEach((part, partIndex) => {
    for (const line of linesOf(part.text)) {
      if (QUOTE_START.test(line.folded.trim())) break;
      if (line.folded.trim().length < 3) continue;
      const product =
        findByCode(line, catalogue, byId, part.ocr) ??
        findByCorrection(line, catalogue, byId) ??
        (/\d/.test(line.folded) ? findByName(line, names, catalogue.usual ?? new Map(), part.ocr) : null);
      if (!product) continue;
      const quantity = findQuantity(line, product);
      if (!quantity && product.via === 'name') continue;
      const unit: ReadUnit = quantity?.unit ?? SALE_UNIT_AS_READ[product.product.saleUnit];
      const remembered = catalogue.corrections.find((c) => c.kind === 'unit' && c.productId === product.product.id && c.unit === unit);
      let saleQuantity: number | null = null;
      if (quantity) {
        if (remembered?.kind === 'unit') saleQuantity = Math.round(quantity.value * remembered.unitFactor);
        else if (!quantity.unit && product.unitFactor !== 1) saleQuantity = Math.round(quantity.value * product.unitFactor);
        else saleQuantity = toSaleUnits(quantity.value, unit, product.product);
      }
      const quantityConfidence = !quantity ? 0 : saleQuantity === null ? 0.2 : quantity.confidence * (part.ocr ? 0.9 : 1);
      const index = lines.length;
      lines.push({
        productId: product.product.id,
        productCode: product.product.code,
        via: product.via,
        productConfidence: round(product.confidence),
        quantity: saleQuantity,
        readQuantity: quantity?.value ?? null,
        unit,
        quantityConfidence: round(quantityConfidence),
        confidence: round(Math.min(product.confidence, quantityConfidence)),
        customerCode: product.customerCode,
        text: line.text,
        where: where(partIndex, line, 0, line.text.length),
      });
      const kind = product.via === 'correction' ? 'name' : product.via;
      values.push({
        kind,
        text: line.text.slice(product.start, product.end),
        value: product.product.code,
        confidence: round(product.confidence),
        where: where(partIndex, line, product.start, product.end),
        line: index,
      });
      if (quantity)
        values.push({
          kind: 'quantity',
          text: line.text.slice(quantity.start, quantity.end),
          value: String(saleQuantity ?? quantity.value),
          confidence: round(quantityConfidence),
          where: where(partIndex, line, quantity.start, quantity.end),
          line: index,
        });
    }
  });

  const date = findRequestedDate(parts, today);
  const ref = findCustomerRef(parts);
  if (date) values.push({ kind: 'date', text: date.text, value: date.value, confidence: date.confidence, where: date.where, line: null });
  if (ref) values.push({ kind: 'poNumber', text: ref.text, value: ref.value, confidence: ref.confidence, where: ref.where, line: null });
  return {
    lines,
    values,
    requestedDate: date ? { value: date.value, confidence: date.confidence } : null,
    customerRef: ref ? { value: ref.value, confidence: ref.confidence } : null,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
