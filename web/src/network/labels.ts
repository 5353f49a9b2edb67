// Which names the network map writes: the most important first (the biggest dots: the closest
// people, connectors and bridges), each only where its text overlaps no name already written
// and stays inside the map. Sigma's own grid lets two long names in neighbouring cells run
// into each other; this never does. Pure: positions in, names out, tested without a browser.

export interface LabelCandidate {
  id: string;
  /** Where the dot is on the screen, in pixels. */
  x: number;
  y: number;
  /** The dot's radius on screen: the name starts just right of it. */
  size: number;
  /** The name's width on screen, in pixels. */
  width: number;
  /** Higher first. */
  priority: number;
}

export interface LabelBox {
  id: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The gap kept around every name, in pixels. */
const MARGIN = 3;

export function placeLabels(
  candidates: readonly LabelCandidate[],
  view: { width: number; height: number; lineHeight: number },
): LabelBox[] {
  const placed: LabelBox[] = [];
  // A coarse grid of the boxes placed, so each candidate is checked against its neighbours only.
  const cell = 120;
  const grid = new Map<string, LabelBox[]>();
  const cellsOf = (b: LabelBox) => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.left / cell); cx <= Math.floor(b.right / cell); cx++)
      for (let cy = Math.floor(b.top / cell); cy <= Math.floor(b.bottom / cell); cy++)
        keys.push(`${cx}:${cy}`);
    return keys;
  };
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || a.id.localeCompare(b.id),
  );
  for (const c of ordered) {
    const box: LabelBox = {
      id: c.id,
      left: c.x + c.size + 3 - MARGIN,
      top: c.y - view.lineHeight / 2 - MARGIN,
      right: c.x + c.size + 3 + c.width + MARGIN,
      bottom: c.y + view.lineHeight / 2 + MARGIN,
    };
    if (box.left < 0 || box.top < 0 || box.right > view.width || box.bottom > view.height) continue;
    const keys = cellsOf(box);
    const clash = keys.some((k) => (grid.get(k) ?? []).some((other) => overlap(box, other)));
    if (clash) continue;
    placed.push(box);
    for (const k of keys) grid.set(k, [...(grid.get(k) ?? []), box]);
  }
  return placed;
}

export function overlap(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
