import { z } from 'zod';

/** One object of a Swift JSON listing (`?format=json` without a delimiter). */
const listedObjectSchema = z.object({
  name: z.string(),
  bytes: z.number().int().min(0),
  /** Swift writes UTC without an offset, such as `2025-05-28T04:44:46.123450`. */
  last_modified: z.string(),
  hash: z.string().nullish(),
  content_type: z.string().nullish(),
});

/** Body of `GET {containerUrl}?format=json`. */
export const objectListingSchema = z.array(listedObjectSchema);

/** One object of a listing page. */
export interface StoredObject {
  /** Full object name inside the container, such as `data/train/part-0001.jsonl`. */
  name: string;
  /** Size in bytes. */
  bytes: number;
  /** As Swift writes it: UTC without an offset. */
  lastModified: string;
  /** MD5 of the content, or of the concatenated segment ETags for a manifest. */
  hash?: string;
  contentType?: string;
}

/** One page of a listing. */
export interface ObjectListPage {
  objects: StoredObject[];
  /**
   * Marker of the next page: the last name of this page when the page is full, because more
   * objects may follow. Undefined on the last page.
   */
  nextMarker?: string;
}

/** Maps a validated Swift listing to a page, with a `nextMarker` when the page is full. */
export function toObjectListPage(
  listing: z.infer<typeof objectListingSchema>,
  limit: number,
): ObjectListPage {
  const objects = listing.map((item) => {
    const object: StoredObject = {
      name: item.name,
      bytes: item.bytes,
      lastModified: item.last_modified,
    };
    if (item.hash) {
      object.hash = item.hash;
    }
    if (item.content_type) {
      object.contentType = item.content_type;
    }
    return object;
  });
  const last = objects.at(-1);
  return objects.length >= limit && last ? { objects, nextMarker: last.name } : { objects };
}
