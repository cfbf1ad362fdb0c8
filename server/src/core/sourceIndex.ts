// The in-memory index of sources: each source's normalised words and a hash index of their n-grams.
import type { SourceDocument } from './types.js';

/** Holds the sources quotations are checked against; `set` replaces a source, `delete` removes it. */
export class SourceIndex {
  private readonly docs = new Map<string, SourceDocument>();

  set(doc: SourceDocument): void {
    this.docs.set(doc.id, doc);
  }

  delete(id: string): boolean {
    return this.docs.delete(id);
  }

  get(id: string): SourceDocument | undefined {
    return this.docs.get(id);
  }

  get size(): number {
    return this.docs.size;
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }
}
