/**
 * CRC-32 (the zip one, polynomial 0xEDB88320), to tell a damaged source file inside a project from
 * a whole one. fflate computes it when zipping but does not export it or check it when unzipping,
 * and the browser has no synchronous hash: ten lines of our own.
 */
let table: Int32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
