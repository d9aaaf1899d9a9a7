import type { SchemaPointer } from "./schema-pointer.js";

/**
 * Values by place (file and JSON pointer), one map per file keyed by the pointer string itself: a
 * lookup hashes a string that already exists (V8 keeps a string's hash), where a `file#pointer`
 * key would be built and hashed anew on every call. Comparisons of large documents look places
 * up millions of times.
 */
export class PlaceMap<T> {
  private readonly files = new Map<string, Map<string, T>>();

  get(at: SchemaPointer): T | undefined {
    return this.files.get(at.file)?.get(at.pointer);
  }

  set(at: SchemaPointer, value: T): void {
    let pointers = this.files.get(at.file);
    if (!pointers) this.files.set(at.file, (pointers = new Map()));
    pointers.set(at.pointer, value);
  }

  delete(at: SchemaPointer): void {
    this.files.get(at.file)?.delete(at.pointer);
  }
}
