// A .docx or .xlsx is a zip. Before a library inflates it, the central
// directory is read and every entry inflated here with a hard output bound, so
// a zip bomb (a small file that declares, or hides, gigabytes) is refused
// without ever being expanded.

import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Total uncompressed bytes allowed. */
  maxTotal: number;
  /** Uncompressed / compressed ratio allowed for an entry above 1 MB. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotal: 200 * 1024 * 1024, maxRatio: 200, maxEntries: 5000 };

export class ZipRefused extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function readCentralDirectory(buf: Buffer): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('not a zip archive (no end of central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) throw new ZipRefused('zip64 archives are not accepted');
  if (offset + size > buf.length) throw new ZipRefused('truncated zip archive (central directory out of range)');
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipRefused('corrupt zip central directory');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws ZipRefused when the archive is corrupt or would expand beyond the limits. */
export function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, inspect?: (name: string, data: Buffer) => void): void {
  const entries = readCentralDirectory(buf);
  if (entries.length > limits.maxEntries) throw new ZipRefused(`zip has ${entries.length} entries (limit ${limits.maxEntries})`);
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (total > limits.maxTotal) throw new ZipRefused(`zip would expand to more than ${limits.maxTotal} bytes`, e.name);
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * limits.maxRatio) {
      throw new ZipRefused(`entry expands ${Math.round(e.uncompressed / Math.max(1, e.compressed))} times (zip bomb?)`, e.name);
    }
    const local = e.localOffset;
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw new ZipRefused('corrupt zip entry header', e.name);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + e.compressed);
    if (data.length < e.compressed) throw new ZipRefused('truncated zip entry', e.name);
    if (e.method === 0) {
      if (e.compressed !== e.uncompressed) throw new ZipRefused('stored entry with mismatched sizes', e.name);
      inspect?.(e.name, data);
    } else if (e.method === 8) {
      // The declared size may lie: inflate with a hard bound and compare.
      let out: Buffer;
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressed) });
      } catch (err) {
        const tooBig = err instanceof RangeError || /maxOutputLength|larger than/i.test(String(err));
        throw new ZipRefused(tooBig ? 'entry expands beyond its declared size (zip bomb?)' : `corrupt compressed data (${(err as Error).message})`, e.name);
      }
      if (out.length !== e.uncompressed) throw new ZipRefused('entry size differs from its declared size', e.name);
      inspect?.(e.name, out);
    } else {
      throw new ZipRefused(`unsupported compression method ${e.method}`, e.name);
    }
  }
}
