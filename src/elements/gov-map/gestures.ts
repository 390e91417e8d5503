import DoubleClickZoom from 'ol/interaction/DoubleClickZoom.js';
import DragPan from 'ol/interaction/DragPan.js';
import DragZoom from 'ol/interaction/DragZoom.js';
import KeyboardPan from 'ol/interaction/KeyboardPan.js';
import KeyboardZoom from 'ol/interaction/KeyboardZoom.js';
import MouseWheelZoom from 'ol/interaction/MouseWheelZoom.js';
import PinchZoom from 'ol/interaction/PinchZoom.js';
import type Interaction from 'ol/interaction/Interaction.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import { noModifierKeys, primaryAction } from 'ol/events/condition.js';

/**
 * Gestures for a map embedded in a page that scrolls: the map takes a gesture
 * only when the citizen clearly means the map, so the page keeps scrolling
 * under a passing finger or wheel.
 *
 * - A mouse drags the map as usual.
 * - One finger on a touch screen scrolls the page until the map has been
 *   activated (tapped); two fingers always move and pinch the map.
 * - The wheel scrolls the page until the map has been activated (clicked);
 *   with Ctrl or ⌘ held (and on a trackpad pinch, which browsers send as
 *   Ctrl + wheel) it always zooms the map.
 * - Arrow keys pan and + and − zoom while the map has the keyboard focus.
 *
 * Each refused gesture asks for a hint, so the citizen learns how to move
 * the map. Rotation is left out: a rotated service map confuses more people
 * than it helps.
 */

export type GestureHint = 'wheel' | 'touch';

export interface Gate {
  /** Whether the map has been activated by a click or tap. */
  isActive(): boolean;
  /** A gesture was left to the page; show how to use it on the map. */
  hint(kind: GestureHint): void;
}

/** Drag-pan that lets one finger scroll the page until the map is active. */
class CooperativeDragPan extends DragPan {
  private readonly gate: Gate;

  constructor(gate: Gate) {
    super({ condition: (event) => this.allows(event) });
    this.gate = gate;
  }

  override handleEvent(event: MapBrowserEvent): boolean {
    // a finger dragging over a map it may not move: say how
    if (
      event.type === 'pointerdrag' &&
      !this.handlingDownUpSequence &&
      isTouch(event) &&
      !this.gate.isActive()
    ) {
      this.gate.hint('touch');
    }
    return super.handleEvent(event);
  }

  private allows(event: MapBrowserEvent): boolean {
    if (!isTouch(event)) return noModifierKeys(event) && primaryAction(event);
    return this.gate.isActive() || this.targetPointers.length > 1;
  }
}

function isTouch(event: MapBrowserEvent): boolean {
  return (event.originalEvent as PointerEvent).pointerType === 'touch';
}

/** The map's interactions, in OpenLayers' default order, made cooperative. */
export function cooperativeInteractions(gate: Gate): Interaction[] {
  const wheel = (event: MapBrowserEvent): boolean => {
    if (event.type !== 'wheel') return true;
    const original = event.originalEvent as WheelEvent;
    if (gate.isActive() || original.ctrlKey || original.metaKey) return true;
    gate.hint('wheel');
    return false;
  };
  return [
    new DoubleClickZoom(),
    new CooperativeDragPan(gate),
    new PinchZoom(),
    new KeyboardPan(),
    new KeyboardZoom(),
    new MouseWheelZoom({ condition: wheel }),
    new DragZoom(),
  ];
}
