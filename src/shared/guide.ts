import { css, html, nothing } from 'lit';
import type { Matter, Text } from '../core/types.js';
import { telHref } from './format.js';
import type { StringKey } from './i18n.js';
import type { Words } from './words.js';

/**
 * A matter's whole service guide (办事指南): how to do it online, the
 * conditions, materials, steps, time limits, fee, basis, phones and answers.
 * Shared by `<matter-search>` and `<venue-guide>`.
 */
export function renderGuide(matter: Matter, words: Words): unknown {
  const { t, text } = words;

  // a fact row is left out when the document does not give it
  const fact = (key: StringKey, value: string | null | undefined) =>
    value ? html`<dt>${t(key)}</dt><dd>${value}</dd>` : nothing;
  const phone = (key: StringKey, value: string | null) => {
    if (!value) return nothing;
    const href = telHref(value);
    return html`<dt>${t(key)}</dt><dd>${href ? html`<a href=${href}>${value}</a>` : value}</dd>`;
  };

  return html`
    <article class="guide" part="guide" aria-label=${`${t('guide')}：${text(matter.name)}`}>
      <h3 class="guide-title" part="guide-title">${text(matter.name)}</h3>
      ${matter.online
        ? html`<p class="online" part="online">
            <a class="button" href=${matter.online} target="_blank" rel="noopener noreferrer"
              >${t('onlineGo')}</a
            >
            ${matter.visits === 0
              ? html`<span class="muted">${t('onlineNoVisit')}</span>`
              : nothing}
          </p>`
        : nothing}
      ${matter.scope
        ? html`<p class="scope muted">
            ${t(matter.scope === 'area' ? 'scopeArea' : 'scopeAnywhere')}
          </p>`
        : nothing}
      <dl class="facts">
        ${fact('department', text(matter.department))} ${fact('type', matter.type)}
        ${fact('promised', text(matter.promised))} ${fact('legal', text(matter.legal))}
        ${fact('fee', text(matter.fee))}
        ${fact('visits', matter.visits == null ? null : t('visitsN', { n: matter.visits }))}
        ${fact('code', matter.code)} ${phone('consult', matter.phone)}
        ${phone('complaint', matter.complaintPhone)}
      </dl>
      ${section(t('conditions'), matter.conditions ? html`<p>${text(matter.conditions)}</p>` : null)}
      ${section(
        t('materials'),
        matter.materials.length
          ? html`<ol class="materials" part="materials">
              ${matter.materials.map(
                (m) => html`<li>
                  <strong>${text(m.name)}</strong>
                  <span class="tag">${t(m.required ? 'required' : 'optional')}</span>
                  ${m.form ? html`<span class="tag">${text(m.form)}</span>` : nothing}
                  ${m.copies
                    ? html`<span class="tag">${t(m.copies === 1 ? 'copy1' : 'copies', { n: m.copies })}</span>`
                    : nothing}
                  ${m.note ? html`<div class="muted">${text(m.note)}</div>` : nothing}
                </li>`,
              )}
            </ol>`
          : null,
      )}
      ${section(t('steps'), list(matter.steps, text, 'ol'))}
      ${section(t('basis'), list(matter.basis, text, 'ul'))}
      ${section(
        t('faq'),
        matter.faq.length
          ? html`${matter.faq.map(
              (f) => html`<details class="faq">
                <summary>${text(f.q)}</summary>
                <p>${text(f.a)}</p>
              </details>`,
            )}`
          : null,
      )}
    </article>
  `;
}

function section(title: string, body: unknown): unknown {
  if (body == null) return nothing;
  return html`<section class="guide-section">
    <h4>${title}</h4>
    ${body}
  </section>`;
}

function list(items: Text[], text: Words['text'], tag: 'ol' | 'ul'): unknown {
  if (!items.length) return null;
  const rows = items.map((item) => html`<li>${text(item)}</li>`);
  return tag === 'ol' ? html`<ol>${rows}</ol>` : html`<ul>${rows}</ul>`;
}

export const guideStyles = css`
  .guide-title {
    margin: 0 0 0.4em;
    font-size: 1.2em;
  }

  .guide h4 {
    margin: 1em 0 0.3em;
    font-size: 1em;
  }

  .guide ol,
  .guide ul {
    margin: 0;
    padding-left: 1.4em;
  }

  .guide li + li {
    margin-top: 0.25em;
  }

  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2em 1em;
    margin: 0.5em 0;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .tag {
    display: inline-block;
    margin-left: 0.35em;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: 4px;
    font-size: 0.8em;
    color: var(--_muted);
  }

  .faq summary {
    cursor: pointer;
  }

  .online {
    margin: 0.5em 0;
  }
`;
