// The start of every file of the persisted index: four bytes that name its kind, its format, the length of the JSON
// header that follows, and a checksum; its pieces start after the header at an eight-byte boundary.
import { crc32 } from 'node:zlib';

/** A kind of stored file: the four bytes it starts with, its format number, and what an error calls it. */
export interface FileKind {
  magic: number;
  format: number;
  name: string;
}

/** Bytes before the JSON header: the kind, the format, the header's length and the checksum. */
export const PREAMBLE = 16;

/**
 * The first bytes of a stored file with this header, padded to where its pieces start. The checksum is the CRC-32 of
 * the header and of the `covered` pieces, written right after it: all of them, or all but those read later, a few
 * bytes at a time, and checked then.
 */
export function writeHeader(kind: FileKind, header: object, covered: Buffer[]): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Buffer.alloc(align8(PREAMBLE + json.length));
  start.writeUInt32LE(kind.magic, 0);
  start.writeUInt32LE(kind.format, 4);
  start.writeUInt32LE(json.length, 8);
  json.copy(start, PREAMBLE);
  // An empty piece adds nothing, and is left out: zlib's crc32 gives 0, not the CRC so far, for a view of an empty
  // ArrayBuffer, which is what an empty typed array is stored as.
  const checksum = covered.reduce((crc, piece) => (piece.length === 0 ? crc : crc32(piece, crc)), crc32(start.subarray(PREAMBLE)));
  start.writeUInt32LE(checksum, 12);
  return start;
}

/** The length of the JSON header, once the first bytes show the file to be of this kind and format. */
export function headerLength(kind: FileKind, data: Buffer): number {
  if (data.length < PREAMBLE || data.readUInt32LE(0) !== kind.magic) throw new Error(`not a Verbatim ${kind.name} file`);
  const format = data.readUInt32LE(4);
  if (format !== kind.format) throw new Error(`${kind.name} format ${format} is not ${kind.format}`);
  return data.readUInt32LE(8);
}

/** The JSON header of a stored file of this kind, and where its pieces start. Its checksum is not checked yet. */
export function readHeader<H>(kind: FileKind, data: Buffer): { header: H; start: number } {
  const length = headerLength(kind, data);
  if (PREAMBLE + length > data.length) throw new Error(`the ${kind.name} file is cut short`);
  return { header: JSON.parse(data.toString('utf8', PREAMBLE, PREAMBLE + length)) as H, start: align8(PREAMBLE + length) };
}

/**
 * Throws unless the file's checksum is that of its header and of its bytes up to `end`: then they are the bytes that
 * were written, and what they hold was made and checked here, so a reader needs to check no more than the lengths
 * the header gives.
 */
export function checkSum(kind: FileKind, data: Buffer, end: number): void {
  if (end > data.length) throw new Error(`the ${kind.name} file is cut short`);
  if (crc32(data.subarray(PREAMBLE, end)) !== data.readUInt32LE(12)) throw new Error(`the ${kind.name} file is damaged (its checksum does not match)`);
}

/** `n` rounded up to a multiple of eight, where pieces start so that every typed array can be a view. */
export function align8(n: number): number {
  return (n + 7) & ~7;
}
