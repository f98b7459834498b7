// Holds a Bot API call against the real API description (../shared/telegram/bot-api-spec.json):
// the method exists, required fields are present, no unknown field is sent, every value
// has one of the listed types (recursively through objects and arrays), and the limits
// written in the prose ("1-4096 characters", "1-64 bytes") are kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkTelegramHtml } from './html-check.ts';

/** A file uploaded as a part of a multipart/form-data request: what an InputFile field holds. */
export class UploadedFile {
  constructor(
    readonly fileName: string,
    readonly bytes: Buffer,
    readonly contentType?: string,
  ) {}
  get size(): number {
    return this.bytes.length;
  }
}

interface SpecField {
  name: string;
  types: string[];
  required: boolean;
  description: string;
}
interface SpecEntry {
  name: string;
  fields?: SpecField[];
  subtypes?: string[];
}
interface Spec {
  version: string;
  methods: Record<string, SpecEntry>;
  types: Record<string, SpecEntry>;
}

const SPEC_PATH = fileURLToPath(new URL('../../../../shared/telegram/bot-api-spec.json', import.meta.url));
let cached: Spec | undefined;
export function loadSpec(): Spec {
  return (cached ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec);
}

const HTML_ESCAPES = /&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi;

/** Text length as Telegram counts it after entity parsing (tags removed, escapes decoded), in UTF-16 units. */
export function visibleLength(text: string, parseMode: unknown): number {
  if (parseMode !== 'HTML') return text.length;
  return text.replace(/<[^>]*>/g, '').replace(HTML_ESCAPES, 'x').length;
}

function limitOf(description: string): { min: number; max: number; unit: 'characters' | 'bytes' } | undefined {
  const m = /(\d+)-(\d+) (characters|bytes)/.exec(description);
  return m ? { min: Number(m[1]), max: Number(m[2]), unit: m[3] as 'characters' | 'bytes' } : undefined;
}

function checkValue(value: unknown, types: string[], path: string, spec: Spec, out: string[]): void {
  const errors: string[] = [];
  for (const type of types) {
    const attempt: string[] = [];
    checkOne(value, type, path, spec, attempt);
    if (attempt.length === 0) return;
    errors.push(...attempt);
  }
  out.push(types.length === 1 ? errors[0]! : `${path}: ${JSON.stringify(value)?.slice(0, 60)} is none of ${types.join(' | ')} (${errors.join('; ')})`);
}

function checkOne(value: unknown, type: string, path: string, spec: Spec, out: string[]): void {
  if (type.startsWith('Array of ')) {
    if (!Array.isArray(value)) return void out.push(`${path}: expected ${type}`);
    value.forEach((v, i) => checkValue(v, [type.slice('Array of '.length)], `${path}[${i}]`, spec, out));
    return;
  }
  switch (type) {
    case 'Integer':
      if (!Number.isInteger(value)) out.push(`${path}: expected Integer, got ${JSON.stringify(value)}`);
      return;
    case 'Float':
      if (typeof value !== 'number') out.push(`${path}: expected Float`);
      return;
    case 'String':
      if (typeof value !== 'string') out.push(`${path}: expected String, got ${typeof value}`);
      return;
    case 'Boolean':
      if (typeof value !== 'boolean') out.push(`${path}: expected Boolean`);
      return;
    case 'InputFile':
      // An upload is a part of a multipart/form-data request; an object in a JSON body is not.
      if (!(value instanceof UploadedFile)) out.push(`${path}: expected InputFile (a file uploaded with multipart/form-data), got ${typeof value}`);
      return;
  }
  const entry = spec.types[type];
  if (!entry) return void out.push(`${path}: unknown type ${type}`);
  if (entry.subtypes?.length) return checkValue(value, entry.subtypes, path, spec, out);
  checkObject(value, entry, path, spec, out);
}

function checkObject(value: unknown, entry: SpecEntry, path: string, spec: Spec, out: string[], parseMode?: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(`${path}: expected ${entry.name} object`);
    return;
  }
  const record = value as Record<string, unknown>;
  const fields = entry.fields ?? [];
  for (const key of Object.keys(record)) {
    if (record[key] === undefined) continue;
    if (!fields.some((f) => f.name === key)) out.push(`${path}.${key}: unknown field of ${entry.name}`);
  }
  for (const field of fields) {
    const v = record[field.name];
    if (v === undefined) {
      if (field.required) out.push(`${path}.${field.name}: required field of ${entry.name} missing`);
      continue;
    }
    checkValue(v, field.types, `${path}.${field.name}`, spec, out);
    const limit = limitOf(field.description);
    if (limit && typeof v === 'string') {
      const size = limit.unit === 'bytes' ? Buffer.byteLength(v, 'utf8') : visibleLength(v, field.name === 'text' || field.name === 'caption' ? (parseMode ?? record.parse_mode) : undefined);
      if (size < limit.min || size > limit.max) {
        out.push(`${path}.${field.name}: ${size} ${limit.unit}, allowed ${limit.min}-${limit.max}`);
      }
    }
  }
}

/**
 * A form field's value (always a string on the wire) as the type the API description gives
 * the field: numbers and booleans for fields that take them, objects and arrays parsed as JSON,
 * strings left as they are (a caption "2025" stays text). Unknown fields keep the string.
 */
export function decodeFormField(method: string, name: string, value: string): unknown {
  const field = loadSpec().methods[method]?.fields?.find((f) => f.name === name);
  if (!field) return value;
  for (const type of field.types) {
    if (type === 'Integer' && /^-?\d+$/.test(value)) return Number(value);
    if (type === 'Float' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    if (type === 'Boolean' && (value === 'true' || value === 'false')) return value === 'true';
    if (type === 'String' || type === 'InputFile') return value;
    if (/^[[{]/.test(value)) {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
  }
  return value;
}

/** Every way the call departs from the API description; empty when it is a valid call. */
export function checkCall(method: string, params: Record<string, unknown>): string[] {
  const spec = loadSpec();
  const entry = spec.methods[method];
  if (!entry) return [`${method}: no such method in ${spec.version}`];
  const out: string[] = [];
  checkObject(params, entry, method, spec, out, params.parse_mode);
  if (params.parse_mode === 'HTML') {
    for (const key of ['text', 'caption'] as const) {
      const text = params[key];
      if (typeof text === 'string') {
        const problem = checkTelegramHtml(text);
        if (problem) out.push(`${method}.${key}: can't parse entities: ${problem}`);
      }
    }
  }
  return out;
}
