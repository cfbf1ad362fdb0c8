// The start of every file of the persisted index: four bytes that name its kind, its format, and the length of the
// JSON header that follows, after which its pieces start at an eight-byte boundary.

/** A kind of stored file: the four bytes it starts with, its format number, and what an error calls it. */
export interface FileKind {
  magic: number;
  format: number;
  name: string;
}

/** The first bytes of a stored file with this header, padded to where its pieces start. */
export function writeHeader(kind: FileKind, header: object): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Buffer.alloc(align8(12 + json.length));
  start.writeUInt32LE(kind.magic, 0);
  start.writeUInt32LE(kind.format, 4);
  start.writeUInt32LE(json.length, 8);
  json.copy(start, 12);
  return start;
}

/** The length of the JSON header, once the first 12 bytes show the file to be of this kind and format. */
export function headerLength(kind: FileKind, data: Buffer): number {
  if (data.length < 12 || data.readUInt32LE(0) !== kind.magic) throw new Error(`not a Verbatim ${kind.name} file`);
  const format = data.readUInt32LE(4);
  if (format !== kind.format) throw new Error(`${kind.name} format ${format} is not ${kind.format}`);
  return data.readUInt32LE(8);
}

/** The JSON header of a stored file of this kind, and where its pieces start. */
export function readHeader<H>(kind: FileKind, data: Buffer): { header: H; start: number } {
  const length = headerLength(kind, data);
  if (12 + length > data.length) throw new Error(`the ${kind.name} file is cut short`);
  return { header: JSON.parse(data.toString('utf8', 12, 12 + length)) as H, start: align8(12 + length) };
}

/** `n` rounded up to a multiple of eight, where pieces start so that every typed array can be a view. */
export function align8(n: number): number {
  return (n + 7) & ~7;
}
