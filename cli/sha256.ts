import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { FileDigester, type FileDigest, type Sha256 } from '../lib/export';

/** SHA-256 on node:crypto, fed as the bytes stream (nothing is kept: each part is hashed at once). */
export function nodeSha256(): Sha256 {
  const hash = createHash('sha256');
  return {
    update(bytes) {
      hash.update(bytes);
    },
    digest: async () => hash.digest('hex'),
  };
}

const READ_BYTES = 4 << 20;

/** Size, SHA-256 and lines of a file on disk, read 4 MB at a time (a 400 MB file is never held whole). */
export async function digestFile(file: string): Promise<FileDigest> {
  const digester = new FileDigester(nodeSha256());
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) digester.add(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return digester.result();
}
