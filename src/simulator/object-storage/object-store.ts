import { createHash } from 'node:crypto';

/** One stored object of the simulated Object Storage. */
export interface StoredObject {
  bytes: Buffer;
  contentType: string;
  /** Simulated epoch ms of the last write. */
  lastModifiedMs: number;
  /** MD5 of the bytes in hex, the ETag Swift reports. */
  etag: string;
}

export interface ListOptions {
  prefix?: string | undefined;
  /** Only names after this one are listed. */
  marker?: string | undefined;
  limit: number;
}

/** Orders object names by their UTF-8 bytes, as Swift does. */
function compareNames(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

/** Containers and objects of the one simulated Object Storage account. */
export class ObjectStore {
  private readonly containers = new Map<string, Map<string, StoredObject>>();

  hasContainer(container: string): boolean {
    return this.containers.has(container);
  }

  /** Creates an empty container; returns false when it already exists. */
  createContainer(container: string): boolean {
    if (this.containers.has(container)) {
      return false;
    }
    this.containers.set(container, new Map());
    return true;
  }

  getObject(container: string, name: string): StoredObject | undefined {
    return this.containers.get(container)?.get(name);
  }

  /** Writes an object, creating the container when `createContainer` is set. */
  putObject(
    container: string,
    name: string,
    content: { bytes: Buffer; contentType: string; nowMs: number },
    createContainer = false,
  ): StoredObject | undefined {
    if (createContainer) {
      this.createContainer(container);
    }
    const objects = this.containers.get(container);
    if (objects === undefined) {
      return undefined;
    }
    const stored: StoredObject = {
      bytes: content.bytes,
      contentType: content.contentType,
      lastModifiedMs: content.nowMs,
      etag: createHash('md5').update(content.bytes).digest('hex'),
    };
    objects.set(name, stored);
    return stored;
  }

  /** Deletes an object; returns false when it does not exist. */
  deleteObject(container: string, name: string): boolean {
    return this.containers.get(container)?.delete(name) ?? false;
  }

  /**
   * Lists a container's objects with `prefix` after `marker`, sorted by name; undefined when the
   * container is missing.
   */
  listObjects(
    container: string,
    options: ListOptions,
  ): Array<{ name: string; object: StoredObject }> | undefined {
    const objects = this.containers.get(container);
    if (objects === undefined) {
      return undefined;
    }
    const prefix = options.prefix ?? '';
    const marker = options.marker ?? '';
    return [...objects.keys()]
      .filter((name) => name.startsWith(prefix) && compareNames(name, marker) > 0)
      .sort(compareNames)
      .slice(0, options.limit)
      .map((name) => ({ name, object: objects.get(name) as StoredObject }));
  }

  clear(): void {
    this.containers.clear();
  }
}
