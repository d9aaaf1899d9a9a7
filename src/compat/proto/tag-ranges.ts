/** An inclusive range of field or enum numbers. */
export interface TagRange {
  start: number;
  end: number;
}

/** The ranges of one element on one side, with the largest number such an element allows. */
export interface TagRanges {
  ranges: TagRange[];
  max: number;
}

/** Largest field number of a message (of a message-set message) and largest enum number. */
export const MAX_FIELD_NUMBER = 536870911;
export const MAX_MESSAGE_SET_NUMBER = 2147483646;
export const MAX_ENUM_NUMBER = 2147483647;

/** `[5]`, `[5,9]` or `[5,max]`, as buf prints ranges. */
function format({ start, end }: TagRange, max: number): string {
  if (start === end) return `[${start}]`;
  return `[${start},${end === max ? "max" : end}]`;
}

/** Sorted, with overlapping and adjacent ranges joined. */
function merge(ranges: TagRange[]): TagRange[] {
  const merged: TagRange[] = [];
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start <= last.end + 1) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** The parts of `range` that no range of `covering` (merged) includes. */
function uncovered(range: TagRange, covering: TagRange[]): TagRange[] {
  const gaps: TagRange[] = [];
  let next = range.start;
  for (const { start, end } of covering) {
    if (next > range.end) break;
    if (end < next) continue;
    if (start > range.end) break;
    if (start > next) gaps.push({ start: next, end: start - 1 });
    next = end + 1;
  }
  if (next <= range.end) gaps.push({ start: next, end: range.end });
  return gaps;
}

/**
 * buf's check that reserved or extension numbers stay set aside: one description per previous
 * range (in declaration order) that the current ranges no longer cover in full, e.g.
 * `Previously present extension range "[100,200]" on message "M" is missing values: [151,200] were removed`
 * (without the final period, so a caller can append a reason).
 */
export function lostTagRanges(
  rangeKind: "reserved" | "extension",
  element: string,
  previous: TagRanges,
  current: TagRanges,
): { range: string; message: string }[] {
  const covering = merge(current.ranges);
  const lost: { range: string; message: string }[] = [];
  for (const range of previous.ranges) {
    const gaps = uncovered(range, covering);
    if (gaps.length === 0) continue;
    const name = format(range, previous.max);
    const missing = gaps.map((gap) => format(gap, current.max)).join(", ");
    lost.push({ range: name, message: `Previously present ${rangeKind} range "${name}" on ${element} is missing values: ${missing} were removed` });
  }
  return lost;
}
