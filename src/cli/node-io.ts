import fs from 'node:fs';
import path from 'node:path';
import type { CliIo, FolderIo } from './io';

export const nodeFolder: FolderIo = {
  pid: process.pid,
  createExclusive(file, text) {
    try {
      fs.writeFileSync(file, text, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  },
  readText(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  remove(file) {
    fs.rmSync(file, { force: true });
  },
  list(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return [];
    }
  },
  processAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      // EPERM: it runs, under another user.
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  onInterrupt(cleanup) {
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
      const handler = () => {
        cleanup();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      };
      process.once(signal, handler);
      return [signal, handler] as const;
    });
    return () => handlers.forEach(([signal, handler]) => process.off(signal, handler));
  },
};

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readFile(file) {
    try {
      // Bytes: the reader decodes them (UTF-8, Windows-1252, UTF-16 with BOM) or refuses them as no text.
      return fs.readFileSync(file);
    } catch {
      return undefined;
    }
  },
  writeFileAtomic(file, data) {
    const dir = path.dirname(path.resolve(file));
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, file);
    } finally {
      if (fs.existsSync(tmp)) fs.rmSync(tmp);
    }
  },
  pathKind(file) {
    try {
      return fs.statSync(file).isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
  errIsTty: process.stderr.isTTY === true,
  folder: nodeFolder,
  outIsFile: (() => {
    try {
      return fs.fstatSync(1).isFile();
    } catch {
      return false;
    }
  })(),
};

/** Dutch text when stdout cannot be written (and not a pipe closed by the reader). */
export function outputErrorText(code: string | undefined): string {
  const reason = code === 'ENOSPC' ? 'de schijf is vol' : `systeemfout ${code ?? 'onbekend'}`;
  return `Fout: kan de uitvoer niet schrijven (${reason}). Kies een andere plek voor de uitvoer.\n`;
}

/**
 * Write errors on stdout end the command cleanly: a reader that stops early (`| head`) closes the
 * pipe (EPIPE), which is no error, so exit 0 without a word; any other error (`> /dev/full`) gets
 * one Dutch line on stderr and exit code 2, never a stack trace.
 */
export function watchOutput(
  stream: NodeJS.WriteStream,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      exit(0);
      return;
    }
    process.stderr.write(outputErrorText(error.code));
    exit(2);
  });
}
