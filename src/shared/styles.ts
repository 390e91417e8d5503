import { css } from 'lit';

/**
 * The global tokens every element reads, with their defaults. A page sets any
 * of them on the elements or an ancestor; `theme="dark"` switches the
 * defaults to a dark palette.
 *
 * --gov-font-family (system UI fonts), --gov-font-size (15px),
 * --gov-color-text (#1f2933), --gov-color-muted (#5f6b7a),
 * --gov-color-surface (#ffffff), --gov-color-surface-alt (#f4f6f9),
 * --gov-color-border (#d7dde5), --gov-color-accent (#1d5fbf),
 * --gov-color-accent-text (#ffffff), --gov-color-highlight (#fff0b3),
 * --gov-color-open (#1a7f37), --gov-color-closed (#b42318),
 * --gov-color-district (#c8102e), --gov-color-street (#1d5fbf),
 * --gov-color-community (#0f8a6c), --gov-color-self-service (#8a5a00),
 * --gov-radius (6px), --gov-focus-ring (2px solid var(--gov-color-accent)).
 */
export const baseStyles = css`
  :host {
    --_font: var(
      --gov-font-family,
      system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    --_text: var(--gov-color-text, #1f2933);
    --_muted: var(--gov-color-muted, #5f6b7a);
    --_surface: var(--gov-color-surface, #ffffff);
    --_surface-alt: var(--gov-color-surface-alt, #f4f6f9);
    --_border: var(--gov-color-border, #d7dde5);
    --_accent: var(--gov-color-accent, #1d5fbf);
    --_accent-text: var(--gov-color-accent-text, #ffffff);
    --_highlight: var(--gov-color-highlight, #fff0b3);
    --_open: var(--gov-color-open, #1a7f37);
    --_closed: var(--gov-color-closed, #b42318);
    --_district: var(--gov-color-district, #c8102e);
    --_street: var(--gov-color-street, #1d5fbf);
    --_community: var(--gov-color-community, #0f8a6c);
    --_self-service: var(--gov-color-self-service, #8a5a00);
    --_radius: var(--gov-radius, 6px);
    --_focus: var(--gov-focus-ring, 2px solid var(--_accent));

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--gov-font-size, 15px);
    line-height: 1.55;
    color: var(--_text);
    background: var(--_surface);
    color-scheme: light;
  }

  :host([theme='dark']) {
    --_text: var(--gov-color-text, #e6e9ee);
    --_muted: var(--gov-color-muted, #a3adba);
    --_surface: var(--gov-color-surface, #161b22);
    --_surface-alt: var(--gov-color-surface-alt, #212833);
    --_border: var(--gov-color-border, #3a4350);
    --_accent: var(--gov-color-accent, #6ea8fe);
    --_accent-text: var(--gov-color-accent-text, #0b1220);
    --_highlight: var(--gov-color-highlight, #5c4a00);
    --_open: var(--gov-color-open, #56d364);
    --_closed: var(--gov-color-closed, #ff7b72);
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }

  .status,
  .error {
    padding: 1em;
  }

  .error {
    border: 1px solid var(--_closed);
    border-radius: var(--_radius);
  }

  .error p {
    margin: 0 0 0.5em;
  }

  .muted {
    color: var(--_muted);
  }

  .button,
  button.link {
    font: inherit;
    cursor: pointer;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    min-height: 2.2em;
    padding: 0.25em 0.9em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    text-decoration: none;
  }

  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }

  button.link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-align: inherit;
    text-decoration: underline;
  }

  a {
    color: var(--_accent);
  }

  .level {
    display: inline-block;
    padding: 0 0.45em;
    border-radius: 999px;
    font-size: 0.8em;
    line-height: 1.6;
    color: #fff;
    background: var(--_muted);
    white-space: nowrap;
  }

  .level.district {
    background: var(--_district);
  }

  .level.street {
    background: var(--_street);
  }

  .level.community {
    background: var(--_community);
  }

  .level.self-service {
    background: var(--_self-service);
  }

  mark {
    background: var(--_highlight);
    color: inherit;
  }

  .problems {
    margin-top: 0.75em;
    padding: 0.5em 0.75em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-size: 0.9em;
  }

  .problems ul {
    margin: 0.25em 0 0;
    padding-left: 1.2em;
  }

  .problems .badge {
    font-size: 0.8em;
    color: var(--_muted);
  }

  .problems .error {
    padding: 0;
    border: 0;
    color: var(--_closed);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
