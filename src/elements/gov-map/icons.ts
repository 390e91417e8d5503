import { html, svg } from 'lit';
import type { SVGTemplateResult } from 'lit';

// the shapes must be made with lit's `svg` tag: made with `html` they land in
// the HTML namespace and draw nothing
const icon = (path: SVGTemplateResult) => html`
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    ${path}
  </svg>
`;

export const icons = {
  plus: icon(svg`<path d="M12 5v14M5 12h14" />`),
  minus: icon(svg`<path d="M5 12h14" />`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18" />`),
  locate: icon(svg`<circle cx="12" cy="12" r="4" /><path d="M12 2v4M12 18v4M2 12h4M18 12h4" />`),
  pin: icon(svg`<path d="M12 21s-6-5.6-6-11a6 6 0 0 1 12 0c0 5.4-6 11-6 11z" />
    <circle cx="12" cy="10" r="2" />`),
};
