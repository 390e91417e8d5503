/**
 * Registers a custom element unless the tag is taken, as happens when two
 * copies of the library share a page: the first registration wins and the
 * second gets a warning instead of the DOMException `define` would throw.
 * Does nothing where there is no custom element registry (server rendering).
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== element) {
      console.warn(
        `[${tag}] is already defined on this page (a second copy of gov-service-map?); ` +
          'the first definition is kept.',
      );
    }
    return;
  }
  registry.define(tag, element);
}
