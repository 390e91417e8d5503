import '../../src/elements/matter-search/define.js';
import '../../src/elements/venue-guide/define.js';

/** The data document most element tests use (see test/fixtures/district.json). */
export const DISTRICT = '/test/fixtures/district.json';

let groups = 0;

/** A group name no other test uses, so selections never leak between tests. */
export function freshGroup(): string {
  return `t${++groups}`;
}

/** The shadow root of an element, asserted to exist. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** Texts of the nodes matching a selector inside an element's shadow root. */
export function texts(el: Element, selector: string): string[] {
  return [...shadow(el).querySelectorAll(selector)].map((n) => (n.textContent ?? '').trim());
}

/** The `data-venue` ids of the venue rows shown, in order. */
export function venueIds(el: Element): string[] {
  return [...shadow(el).querySelectorAll('[data-venue]')].map(
    (n) => (n as HTMLElement).dataset.venue ?? '',
  );
}

/** Records console.warn calls until `restore` is called. */
export function captureWarnings(): { messages: string[]; restore(): void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}
