// The file operations the spool is made of, behind one seam: the real ones fsync everything they
// write, and tests wrap them to fail the way disks fail (a write cut short by a full disk, a
// read-only remount) without needing root.
import fs from 'node:fs';
import path from 'node:path';

export interface SpoolIo {
  /** The file's text, or undefined when it does not exist. */
  read(file: string): string | undefined;
  /** Its length in bytes (0 when missing). */
  size(file: string): Promise<number>;
  /** Appends and fsyncs. On failure a prefix of `text` may have reached the file. */
  append(file: string, text: string): Promise<void>;
  /** Cuts the file back to `bytes` and fsyncs: undoes a failed append. */
  truncate(file: string, bytes: number): Promise<void>;
  /** Replaces the whole file atomically: temp file, fsync, rename, fsync of the directory. */
  replace(file: string, text: string): Promise<void>;
  remove(file: string): Promise<void>;
  mkdir(dir: string): void;
}

export const diskSpoolIo: SpoolIo = {
  read(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  },

  async size(file) {
    try {
      return (await fs.promises.stat(file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
  },

  async append(file, text) {
    const created = !fs.existsSync(file);
    await withFile(file, 'a', async (handle) => {
      await writeAll(handle, text);
      await handle.sync();
    });
    // a new file's name is durable only once its directory is
    if (created) await syncDirectory(path.dirname(file));
  },

  async truncate(file, bytes) {
    await withFile(file, 'r+', async (handle) => {
      await handle.truncate(bytes);
      await handle.sync();
    });
  },

  async replace(file, text) {
    const temp = `${file}.tmp`;
    await withFile(temp, 'w', async (handle) => {
      await writeAll(handle, text);
      await handle.sync();
    });
    await fs.promises.rename(temp, file);
    await syncDirectory(path.dirname(file));
  },

  async remove(file) {
    await fs.promises.rm(file, { force: true });
  },

  mkdir(dir) {
    fs.mkdirSync(dir, { recursive: true });
  },
};

async function withFile(file: string, flags: string, use: (handle: fs.promises.FileHandle) => Promise<void>) {
  const handle = await fs.promises.open(file, flags);
  try {
    await use(handle);
  } finally {
    await handle.close();
  }
}

/** A write may be short (a disk filling up): go on until all is written or the disk says why not. */
async function writeAll(handle: fs.promises.FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  await withFile(dir, 'r', (handle) => handle.sync());
}
