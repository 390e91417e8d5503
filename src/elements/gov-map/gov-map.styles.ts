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
    /* panels size themselves to the map (cqw/cqh), not to the browser window */
    container-type: size;
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

  /* the point a keyboard chooses: the centre of the map */
  .map.picking::after {
    content: '';
    position: absolute;
    left: 50%;
    top: 50%;
    width: 28px;
    height: 28px;
    margin: -14px 0 0 -14px;
    background:
      linear-gradient(var(--_accent), var(--_accent)) center / 2px 100% no-repeat,
      linear-gradient(var(--_accent), var(--_accent)) center / 100% 2px no-repeat;
    pointer-events: none;
    z-index: 1;
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
  }

  /* the list stays inside a short map: the summary, a note and the rows that fit
     (a popup's list of venues at one address scrolls with the popup) */
  .venue-list ul {
    overflow: auto;
    max-height: 16em;
    max-height: min(16em, calc(100cqh - 6.5em));
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
    box-sizing: border-box;
    width: min(18em, 70vw);
    max-height: 16em;
    overflow: auto;
    padding: 0.7em 0.9em 0;
    font-size: 0.9em;
  }

  /* where the browser knows container units: as wide and tall as the map allows, clear
     of the controls at its sides (the map pans the popup 52 px in from each edge) */
  @supports (width: 1cqw) {
    .popup-body {
      width: clamp(min(12em, calc(100cqw - 24px)), calc(100cqw - 110px), 18em);
      max-height: max(7em, calc(100cqh - 120px));
    }
  }

  /* the popup's buttons stay in sight while its text scrolls */
  .popup-actions {
    position: sticky;
    bottom: 0;
    margin: 0 -0.9em;
    padding: 0.4em 0.9em 0.8em;
    background: var(--_surface);
  }

  .popup-body > .cluster-list {
    padding-bottom: 0.7em;
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

  /* the credit must show, but never takes the taps meant for the markers under it */
  .ol-attribution,
  .ol-attribution ul {
    pointer-events: none;
  }

  .ol-attribution a {
    pointer-events: auto;
  }

  /* a phone-sized map: a smaller credit, and the notices above its lines */
  @container (max-width: 30em) {
    .ol-attribution {
      font-size: 0.65em;
    }

    .notice-box,
    .basemap-notice {
      bottom: 3.6em;
    }
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
