import { BotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AccessTokenProvider } from './access-token-provider.js';
import type { BoundedHttpExchange } from './bounded-http-exchange.js';
import { type ObjectListPage, objectListingSchema, toObjectListPage } from './object-listing.js';
import { type ObjectMetadata, readObjectMetadata } from './object-metadata.js';
import { objectStorageError, statusError } from './object-storage-errors.js';
import { type ObjectUploadResult, uploadObject } from './object-upload.js';
import { type ObsLocation, parseObsUri, toSwiftContainerUrl, toSwiftObjectUrl } from './obs-uri.js';
import { SwiftTransport } from './swift-transport.js';

const mebibyte = 1024 * 1024;
const gibibyte = 1024 * mebibyte;

export interface ObjectStorageClientOptions {
  /** Source of the `X-Auth-Token`, such as `createIdentityTokenProvider`. */
  tokenProvider: AccessTokenProvider;
  logger: Logger;
  /** Timeout of a listing or a HEAD; default 10000 ms. */
  timeoutMs?: number;
  /** Timeout of one download or one uploaded object or segment; default 600000 ms. */
  transferTimeoutMs?: number;
  /** Max retries of a read after the first attempt; default 3. */
  readRetries?: number;
  /** Backoff before the first retry of a read, doubled for each further retry; default 500 ms. */
  retryBaseDelayMs?: number;
  /** Size from which an upload is split into segments; default 2 GiB. */
  segmentThresholdBytes?: number;
  /** Size of each segment of a split upload; default 500 MiB. */
  segmentSizeBytes?: number;
}

export interface ListOptions {
  /** Name after which the page starts: `nextMarker` of the previous page. */
  marker?: string;
  /** Objects per page, 1 to 10000; default 1000. */
  limit?: number;
}

// NOTE: Swift's default listing limit is 10000, and the Object Storage limit is not published.
const maxListLimit = 10_000;
/** Limit of a listing body: 10000 names of up to 1024 bytes each, plus the JSON around them. */
const maxListingBytes = 32 * mebibyte;
const maxMetadataBodyBytes = 64 * 1024;

/**
 * Client of NHN Cloud Object Storage (OpenStack Swift) for `obs://` URIs: list, head, download
 * and upload. Reads are retried, and uploads are sent once (see `SwiftTransport`). Failures raise
 * `ERR_OBJECT_STORAGE`, and invalid URIs `ERR_INPUT_INVALID`.
 */
export class ObjectStorageClient {
  private readonly transport: SwiftTransport;
  private readonly timeoutMs: number;
  private readonly transferTimeoutMs: number;
  private readonly segmentThresholdBytes: number;
  private readonly segmentSizeBytes: number;
  private readonly log: Logger;

  constructor(options: ObjectStorageClientOptions) {
    this.log = options.logger.child({ component: 'object-storage-client' });
    this.transport = new SwiftTransport({
      tokenProvider: options.tokenProvider,
      readRetries: options.readRetries ?? 3,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
      logger: this.log,
    });
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.transferTimeoutMs = options.transferTimeoutMs ?? 600_000;
    this.segmentThresholdBytes = options.segmentThresholdBytes ?? 2 * gibibyte;
    this.segmentSizeBytes = options.segmentSizeBytes ?? 500 * mebibyte;
  }

  /**
   * Lists one page of the objects whose names start with the URI's path, in name order
   * (`GET {containerUrl}?prefix=&marker=&limit=&format=json`). Pass `nextMarker` as `marker`
   * to read the next page.
   */
  async list(uri: string, options: ListOptions = {}): Promise<ObjectListPage> {
    const location = parseObsUri(uri);
    const limit = options.limit ?? 1000;
    if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
      throw new BotError(
        'ERR_INPUT_INVALID',
        `Invalid listing limit ${limit}: expected an integer from 1 to ${maxListLimit}`,
      );
    }
    const searchParams = new URLSearchParams({ prefix: location.path, limit: String(limit) });
    if (options.marker) {
      searchParams.set('marker', options.marker);
    }
    searchParams.set('format', 'json');

    const exchange = await this.transport.send({
      method: 'GET',
      url: toSwiftContainerUrl(location),
      searchParams,
      headers: { accept: 'application/json' },
      timeoutMs: this.timeoutMs,
      maxBodyBytes: maxListingBytes,
    });
    // Swift returns 204 without a body for an empty container.
    if (exchange.statusCode === 204) {
      return { objects: [] };
    }
    this.checkStatus('GET', location, exchange, [200]);
    if (exchange.truncated) {
      throw objectStorageError('GET', location, `returned a listing over ${maxListingBytes} bytes`);
    }
    let listing: unknown;
    try {
      listing = JSON.parse(exchange.body.toString('utf8'));
    } catch {
      throw objectStorageError('GET', location, 'returned a listing that is not JSON');
    }
    const parsed = objectListingSchema.safeParse(listing);
    if (!parsed.success) {
      const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)');
      throw objectStorageError('GET', location, `returned an invalid listing: ${paths.join(', ')}`);
    }
    return toObjectListPage(parsed.data, limit);
  }

  /** Reads the size and metadata of one object (`HEAD`). */
  async head(uri: string): Promise<ObjectMetadata> {
    const location = parseObjectUri(uri);
    const exchange = await this.transport.send({
      method: 'HEAD',
      url: toSwiftObjectUrl(location),
      timeoutMs: this.timeoutMs,
      maxBodyBytes: maxMetadataBodyBytes,
    });
    this.checkStatus('HEAD', location, exchange, [200, 204]);
    const metadata = readObjectMetadata(exchange.headers);
    if (!metadata) {
      throw objectStorageError('HEAD', location, 'returned no valid Content-Length');
    }
    return metadata;
  }

  /**
   * Downloads one object into memory. A HEAD reads its size first, so an object larger than
   * `maxBytes` raises `ERR_OBJECT_TOO_LARGE` before any byte of it is fetched. An object that
   * grows past `maxBytes` between the HEAD and the GET raises the same error.
   */
  async download(uri: string, maxBytes: number): Promise<Buffer> {
    const location = parseObjectUri(uri);
    const { bytes } = await this.head(uri);
    if (bytes > maxBytes) {
      throw tooLarge(location, `is ${bytes} bytes`, maxBytes);
    }
    const exchange = await this.transport.send({
      method: 'GET',
      url: toSwiftObjectUrl(location),
      timeoutMs: this.transferTimeoutMs,
      maxBodyBytes: maxBytes,
    });
    this.checkStatus('GET', location, exchange, [200]);
    if (exchange.truncated) {
      throw tooLarge(location, 'grew while it was downloaded and is', maxBytes);
    }
    this.log.info({ path: location.path, bytes: exchange.body.length }, 'object downloaded');
    return exchange.body;
  }

  /**
   * Uploads `bytes` as `{uri}/{fileName}`: the URI names a folder (or the container root).
   * Objects of `segmentThresholdBytes` or more are split into segments, as `uploadObject` describes.
   */
  async upload(uri: string, fileName: string, bytes: Uint8Array): Promise<ObjectUploadResult> {
    const folder = parseObsUri(uri);
    return uploadObject(this.transport, folder, fileName, bytes, {
      timeoutMs: this.transferTimeoutMs,
      segmentThresholdBytes: this.segmentThresholdBytes,
      segmentSizeBytes: this.segmentSizeBytes,
      logger: this.log,
    });
  }

  private checkStatus(
    method: string,
    location: ObsLocation,
    exchange: BoundedHttpExchange,
    expected: number[],
  ): void {
    if (!expected.includes(exchange.statusCode)) {
      throw statusError(method, location, exchange.statusCode);
    }
  }
}

/** Parses a URI that must name an object, not a container. */
function parseObjectUri(uri: string): ObsLocation {
  const location = parseObsUri(uri);
  if (location.path === '' || location.path.endsWith('/')) {
    throw new BotError(
      'ERR_INPUT_INVALID',
      `Invalid Object Storage URI "${uri}": it names a container or a folder, not an object`,
      { context: { uri } },
    );
  }
  return location;
}

function tooLarge(location: ObsLocation, size: string, maxBytes: number): BotError {
  return new BotError(
    'ERR_OBJECT_TOO_LARGE',
    `Object "${location.path}" ${size}, more than the limit of ${maxBytes} bytes; download ` +
      'it outside the bot',
    { context: { container: location.container, path: location.path, maxBytes } },
  );
}
