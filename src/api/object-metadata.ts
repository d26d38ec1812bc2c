import type { IncomingHttpHeaders } from 'node:http';

/** Metadata of one object (`HEAD`). */
export interface ObjectMetadata {
  /** Size in bytes; for a segmented object, the size of all segments together. */
  bytes: number;
  /** MD5 of the content without quotes, or of the segment ETags for a segmented object. */
  etag?: string;
  /** HTTP date, such as `Wed, 28 May 2025 04:44:46 GMT`. */
  lastModified?: string;
  contentType?: string;
  /** `{container}/{prefix}` of the segments when the object is a segmented manifest. */
  manifest?: string;
}

/**
 * Reads object metadata from HEAD response headers, or returns undefined without a valid
 * Content-Length.
 */
export function readObjectMetadata(headers: IncomingHttpHeaders): ObjectMetadata | undefined {
  const lengthHeader = headers['content-length'];
  if (lengthHeader === undefined || !/^\d+$/.test(lengthHeader)) {
    return undefined;
  }
  const metadata: ObjectMetadata = { bytes: Number(lengthHeader) };
  const { etag, 'last-modified': lastModified, 'content-type': contentType } = headers;
  const manifest = headers['x-object-manifest'];
  if (etag) {
    metadata.etag = etag.replace(/^"(.*)"$/, '$1');
  }
  if (lastModified) {
    metadata.lastModified = lastModified;
  }
  if (contentType) {
    metadata.contentType = contentType;
  }
  if (typeof manifest === 'string') {
    metadata.manifest = manifest;
  }
  return metadata;
}
