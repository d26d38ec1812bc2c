import { createHash } from 'node:crypto';
import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { statusError } from './object-storage-errors.js';
import { formatObsUri, type ObsLocation, toSwiftObjectUrl } from './obs-uri.js';
import type { SwiftTransport } from './swift-transport.js';

export interface ObjectUploadOptions {
  /** Timeout of one PUT, of the whole object or of one segment. */
  timeoutMs: number;
  segmentThresholdBytes: number;
  segmentSizeBytes: number;
  logger: Logger;
}

export interface ObjectUploadResult {
  /** `obs://` URI of the uploaded object. */
  uri: string;
  bytes: number;
  /** Number of segments, or 0 when the object went in one PUT. */
  segmentCount: number;
}

const maxPutResponseBytes = 64 * 1024;

/**
 * Uploads `bytes` as the object `{folder path}/{fileName}`. Below `segmentThresholdBytes` it is
 * one PUT. From that size on it is split into `segmentSizeBytes` segments, PUT as
 * `{object}/001`, `{object}/002`, ..., followed by a zero-byte PUT of the object itself with
 * `X-Object-Manifest: {container}/{object path}`, which makes Swift serve the segments
 * together as one object. Each PUT with content carries its MD5 as `ETag`, so Swift rejects a
 * corrupted transfer. A PUT that does not return 2xx raises `ERR_OBJECT_STORAGE`.
 */
export async function uploadObject(
  transport: SwiftTransport,
  folder: ObsLocation,
  fileName: string,
  bytes: Uint8Array,
  options: ObjectUploadOptions,
): Promise<ObjectUploadResult> {
  checkFileName(fileName);
  const folderPath = folder.path.replace(/\/+$/, '');
  const target: ObsLocation = {
    ...folder,
    path: folderPath === '' ? fileName : `${folderPath}/${fileName}`,
  };
  const objectUrl = toSwiftObjectUrl(target);
  const put = async (url: string, body: Uint8Array, headers: Record<string, string>) => {
    const exchange = await transport.send({
      method: 'PUT',
      url,
      body,
      headers,
      timeoutMs: options.timeoutMs,
      maxBodyBytes: maxPutResponseBytes,
    });
    if (exchange.statusCode < 200 || exchange.statusCode >= 300) {
      throw statusError('PUT', target, exchange.statusCode);
    }
  };

  if (bytes.length < options.segmentThresholdBytes) {
    await put(objectUrl, bytes, { etag: md5Hex(bytes) });
    options.logger.info({ path: target.path, bytes: bytes.length }, 'object uploaded');
    return { uri: formatObsUri(target), bytes: bytes.length, segmentCount: 0 };
  }

  const segmentCount = Math.ceil(bytes.length / options.segmentSizeBytes);
  for (let index = 0; index < segmentCount; index += 1) {
    const start = index * options.segmentSizeBytes;
    const segment = bytes.subarray(start, start + options.segmentSizeBytes);
    const segmentName = String(index + 1).padStart(3, '0');
    await put(`${objectUrl}/${segmentName}`, segment, { etag: md5Hex(segment) });
  }
  // Swift expects the manifest value percent-encoded, like a URL path.
  const manifest = [target.container, ...target.path.split('/')].map(encodeURIComponent).join('/');
  await put(objectUrl, new Uint8Array(0), { 'x-object-manifest': manifest });
  options.logger.info(
    { path: target.path, bytes: bytes.length, segmentCount },
    'segmented object uploaded',
  );
  return { uri: formatObsUri(target), bytes: bytes.length, segmentCount };
}

/** Rejects a file name that is empty, contains `/` or a control character, or is `.` or `..`. */
function checkFileName(fileName: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
  const invalid = /[/\u0000-\u001f\u007f]/.test(fileName);
  if (fileName === '' || fileName === '.' || fileName === '..' || invalid) {
    throw new BotError(
      'ERR_INPUT_INVALID',
      `Invalid file name "${fileName}": expected a name without "/" or control characters`,
      { context: { fileName } },
    );
  }
}

function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
