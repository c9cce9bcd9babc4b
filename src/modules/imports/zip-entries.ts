import yauzl from 'yauzl';

/** Limits that keep a hostile archive (zip bomb, millions of entries) from exhausting memory. */
export const ZIP_LIMITS = {
  maxEntries: 20_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
};

export type ZipEntry = { name: string; data: Buffer } | { name: string; error: string };

/** The files of a .zip whose names pass `accept`, read one by one. */
export async function* readZipEntries(
  path: string,
  accept: (name: string) => boolean,
): AsyncGenerator<ZipEntry> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (error, file) =>
      error || !file ? reject(error ?? new Error('cannot open zip')) : resolve(file),
    ),
  );
  let count = 0;
  let total = 0;
  try {
    while (true) {
      const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
        const onEntry = (e: yauzl.Entry) => done(e);
        const onEnd = () => done(undefined);
        const onError = (error: Error) => {
          zip.off('entry', onEntry).off('end', onEnd);
          reject(error);
        };
        const done = (e: yauzl.Entry | undefined) => {
          zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
          resolve(e);
        };
        zip.once('entry', onEntry).once('end', onEnd).once('error', onError);
        zip.readEntry();
      });
      if (!entry) return;
      const name = entry.fileName;
      if (name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\./.test(name) || !accept(name))
        continue;
      if (++count > ZIP_LIMITS.maxEntries) {
        yield { name, error: `more than ${ZIP_LIMITS.maxEntries} files in the archive; the rest is skipped` };
        return;
      }
      if (entry.uncompressedSize > ZIP_LIMITS.maxEntryBytes) {
        yield { name, error: `larger than ${ZIP_LIMITS.maxEntryBytes / 1024 / 1024} MB unpacked` };
        continue;
      }
      total += entry.uncompressedSize;
      if (total > ZIP_LIMITS.maxTotalBytes) {
        yield { name, error: 'the archive unpacks to more than 1 GB; the rest is skipped' };
        return;
      }
      try {
        yield { name, data: await readEntry(zip, entry) };
      } catch (error) {
        yield { name, error: `cannot unpack: ${(error as Error).message}` };
      }
    }
  } finally {
    zip.close();
  }
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
