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

    .map {
      position: absolute;
      inset: 0;
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

    .controls {
      position: absolute;
      top: 0.6em;
      right: 0.6em;
      display: flex;
      flex-direction: column;
      gap: 0.35em;
      z-index: 2;
    }

    .control {
      display: grid;
      place-items: center;
      width: 2.4em;
      height: 2.4em;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
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
      position: absolute;
      inset: 0;
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
      border: 0;
      background: var(--_surface-alt);
      pointer-events: auto;
    }

    .map-state p {
      margin: 0;
    }

    .notice {
      display: flex;
      align-items: center;
      gap: 0.5em;
      max-width: 100%;
      padding: 0.4em 0.8em;
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      font-size: 0.9em;
    }

    .notice.alert {
      border-left: 4px solid var(--_closed);
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
      position: absolute;
      top: 0.6em;
      left: 0.6em;
      max-width: min(20em, calc(100% - 5em));
      max-height: calc(100% - 3.5em);
      display: flex;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
      font-size: 0.9em;
      z-index: 2;
    }

    .venue-list summary {
      padding: 0.35em 0.7em;
      cursor: pointer;
    }

    .venue-list ul {
      margin: 0;
      padding: 0 0 0.3em;
      list-style: none;
      overflow: auto;
      max-height: 16em;
    }

    .venue-button {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5em;
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
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
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

    .popup-body dd {
      margin: 0;
    }

    .ol-attribution {
      font-size: 0.75em;
    }

    .notice-box {
      position: absolute;
      left: 50%;
      bottom: 2.4em;
      transform: translateX(-50%);
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.35em;
      width: max-content;
      max-width: calc(100% - 2em);
      z-index: 2;
    }

    .notice-actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 0.4em;
    }

    .notice-actions select,
    .notice-actions .button {
      font: inherit;
      font-size: 0.85em;
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
    }

    .notice-actions select {
      padding: 0.3em 0.5em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }

    .basemap-notice {
      position: absolute;
      left: 0.6em;
      bottom: 2.2em;
      display: flex;
      align-items: flex-start;
      gap: 0.4em;
      max-width: min(24em, calc(100% - 1.2em));
      padding: 0.35em 0.6em;
      border-left: 4px solid var(--_closed);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      font-size: 0.8em;
      z-index: 2;
    }

    .gesture-hint {
      position: absolute;
      inset: 0;
      display: grid;
      place-items: center;
      padding: 1em;
      background: rgb(0 0 0 / 0.45);
      color: #fff;
      font-size: 1.1em;
      text-align: center;
      pointer-events: none;
      z-index: 3;
      animation: gov-fade 0.2s ease-out;
    }

    @keyframes gov-fade {
      from {
        opacity: 0;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .gesture-hint {
        animation: none;
      }
    }

    .venue-list .list-note {
      margin: 0;
      padding: 0.2em 0.7em 0.3em;
      color: var(--_muted);
      font-size: 0.9em;
    }

    .cluster-list {
      margin: 0.3em 0 0;
      padding: 0;
      list-style: none;
    }

    .cluster-list .venue-button {
      padding: 0.3em 0.2em;
    }
`;
