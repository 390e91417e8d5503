import { css } from 'lit';

/** The map's own rules; OpenLayers' stylesheet comes from ol-css.ts. */
export const mapStyles = css`
  :host {
    height: var(--gov-map-height, 420px);
    position: relative;
  }

  .frame {
    position: relative;
    width: 100%;
    height: 100%;
    overflow: hidden;
    border-radius: var(--_radius);
  }

  .map,
  .map-state,
  .gesture-hint {
    position: absolute;
    inset: 0;
  }

  .map {
    background: var(--gov-map-background, var(--_surface-alt));
  }

  .map:focus-visible {
    outline: var(--_focus);
    outline-offset: -3px;
  }

  .map.picking,
  .map.picking * {
    cursor: crosshair !important;
  }

  /* panels over the map: controls, list, popup, notices */
  .control,
  .venue-list,
  .popup-body,
  .notice,
  .notice-actions > *,
  .basemap-notice {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }

  .controls,
  .venue-list,
  .notice-box,
  .basemap-notice {
    position: absolute;
    z-index: 2;
  }

  .controls {
    top: 0.6em;
    right: 0.6em;
    display: flex;
    flex-direction: column;
    gap: 0.35em;
  }

  .control {
    display: grid;
    place-items: center;
    width: 2.4em;
    height: 2.4em;
    padding: 0;
    cursor: pointer;
  }

  .control[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }

  .control:disabled {
    opacity: 0.5;
    cursor: default;
  }

  svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .map-state {
    display: grid;
    place-content: center;
    gap: 0.5em;
    padding: 1em;
    text-align: center;
    color: var(--_muted);
    z-index: 1;
    pointer-events: none;
  }

  .map-state.error {
    color: var(--_text);
    background: var(--_surface-alt);
    pointer-events: auto;
  }

  .map-state p,
  .list-note,
  .popup-body dd,
  .cluster-list,
  .venue-list ul {
    margin: 0;
  }

  .notice-box {
    left: 50%;
    bottom: 2.4em;
    transform: translateX(-50%);
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.35em;
    width: max-content;
    max-width: calc(100% - 2em);
  }

  .notice,
  .basemap-notice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.4em 0.8em;
    font-size: 0.9em;
  }

  .notice.alert,
  .basemap-notice {
    border-left: 4px solid var(--_closed);
  }

  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.4em;
  }

  .notice-actions > * {
    padding: 0.3em 0.6em;
    font: inherit;
    font-size: 0.85em;
  }

  .basemap-notice {
    left: 0.6em;
    bottom: 2.2em;
    max-width: min(24em, calc(100% - 1.2em));
    font-size: 0.8em;
  }

  .notice-close,
  .popup-close,
  .basemap-notice button {
    display: grid;
    place-items: center;
    padding: 0.15em;
    border: 0;
    background: none;
    color: var(--_muted);
    cursor: pointer;
  }

  .venue-list {
    top: 0.6em;
    left: 0.6em;
    max-width: min(20em, calc(100% - 5em));
    max-height: calc(100% - 3.5em);
    display: flex;
    flex-direction: column;
    font-size: 0.9em;
  }

  .venue-list summary {
    padding: 0.35em 0.7em;
    cursor: pointer;
  }

  .venue-list ul,
  .cluster-list {
    padding: 0 0 0.3em;
    list-style: none;
    overflow: auto;
    max-height: 16em;
  }

  .list-note {
    padding: 0.2em 0.7em 0.3em;
    color: var(--_muted);
  }

  .venue-button {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
    box-sizing: border-box;
    width: 100%;
    padding: 0.3em 0.7em;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }

  .venue-button:hover,
  .venue-button[aria-current='true'] {
    background: var(--_surface-alt);
  }

  .popup-body {
    position: relative;
    width: min(18em, 70vw);
    max-height: 16em;
    overflow: auto;
    padding: 0.7em 0.9em 0.8em;
    font-size: 0.9em;
  }

  .popup-close {
    position: absolute;
    top: 0.4em;
    right: 0.4em;
  }

  .popup-title {
    margin: 0 1.6em 0.3em 0;
    font-size: 1.05em;
  }

  .popup-body dl {
    margin: 0.5em 0;
  }

  .popup-body .row {
    display: flex;
    gap: 0.5em;
  }

  .popup-body dt {
    flex: none;
    color: var(--_muted);
  }

  .ol-attribution {
    font-size: 0.75em;
  }

  .gesture-hint {
    display: grid;
    place-items: center;
    padding: 1em;
    background: rgb(0 0 0 / 0.45);
    color: #fff;
    font-size: 1.1em;
    text-align: center;
    pointer-events: none;
    z-index: 3;
  }
`;
