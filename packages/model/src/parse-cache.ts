/**
 * A small least-recently-used cache keyed by content hash. It keeps the text of each entry and compares
 * it on a hit: FNV-1a collisions can be crafted, and one document must never be answered with another's model.
 * Bounded by entries and by the total length of the texts it holds.
 */
export class ParseCache<V> {
  readonly #entries = new Map<string, { readonly text: string; readonly value: V }>();
  readonly #maxEntries: number;
  readonly #maxChars: number;
  #chars = 0;

  constructor(maxEntries: number, maxChars: number) {
    this.#maxEntries = maxEntries;
    this.#maxChars = maxChars;
  }

  get(key: string, text: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || entry.text !== text) return undefined;
    this.#entries.delete(key); // re-insert: the Map's order is the recency order
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, text: string, value: V): void {
    if (text.length > this.#maxChars) return;
    this.#remove(key);
    this.#entries.set(key, { text, value });
    this.#chars += text.length;
    while (this.#entries.size > this.#maxEntries || this.#chars > this.#maxChars) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.#remove(oldest.value);
    }
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#chars -= entry.text.length;
    this.#entries.delete(key);
  }
}
