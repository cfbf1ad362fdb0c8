// Checks a draft within the documented limits (its size, the number of its quotations) and in slices of work that
// give the event loop back between them, so that a huge draft neither hangs the checker nor passes unchecked.
import { checkQuotations, type DraftCheckOptions } from '../core/check.js';
import type { CheckMemo } from '../core/memo.js';
import { findQuotationsAndLeftOut } from '../core/extract/index.js';
import type { SourceIndex } from '../core/sourceIndex.js';
import type { DraftFormat, Finding, Quotation } from '../core/types.js';
import { formatCount } from '../counts.js';

/** Drafts longer than this many characters (UTF-16 code units) are not checked at all, and the writer is told. */
export const MAX_DRAFT_CHARACTERS = 1_000_000;
/** At most this many quotations of one draft are checked; the writer is told when more were left unchecked. */
export const MAX_QUOTATIONS = 10_000;

/** The limits a draft check keeps to. */
export interface DraftLimits {
  maxCharacters: number;
  maxQuotations: number;
}

export const DEFAULT_DRAFT_LIMITS: Readonly<DraftLimits> = Object.freeze({
  maxCharacters: MAX_DRAFT_CHARACTERS,
  maxQuotations: MAX_QUOTATIONS,
});

/** How a long check shares the event loop, and how it is told to stop. */
export interface SliceControl {
  /** Milliseconds of checking between two yields to the event loop (default 15; Infinity never yields). */
  sliceMs?: number;
  /** Asked between slices; true stops the check, which then gives null. */
  cancelled?: () => boolean;
  /** Called after every slice but the last with the quotations checked so far and the number to check. */
  afterSlice?: (done: number, total: number) => void | Promise<void>;
  /** Findings remembered from earlier checks: groups whose words did not change are not checked again. */
  memo?: CheckMemo;
}

/** Why a check stopped short of the whole draft: its size or its number of quotations, in one phrase. */
export interface Stopped {
  kind: 'size' | 'quotations';
  /** A phrase such as "too large to check (1,200,000 characters; the limit is 1,000,000)". */
  reason: string;
}

/** The outcome of a check within limits. */
export interface LimitedCheck {
  findings: Finding[];
  /** Quotations found in the draft (also those left unchecked). */
  found: number;
  /** Set when the check did not cover the whole draft; null when it did. */
  stopped: Stopped | null;
  /** Quotations the draft's directive comments leave out (`verbatim-disable`), not checked at the writer's word. */
  leftOut: number;
}


/** Why a draft of `length` characters is over the size limit, or null when it is within it. */
export function draftTooLarge(length: number, limits: DraftLimits = DEFAULT_DRAFT_LIMITS): Stopped | null {
  if (length <= limits.maxCharacters) return null;
  return {
    kind: 'size',
    reason: `too large to check (${formatCount(length)} characters; the limit is ${formatCount(limits.maxCharacters)})`,
  };
}

/** The sentence that tells the writer a check stopped short, with what to do about it. */
export function stoppedMessage(stopped: Stopped): string {
  return stopped.kind === 'size'
    ? `Verbatim did not check this draft: it is ${stopped.reason}; split it into smaller drafts.`
    : `Verbatim stopped short: ${stopped.reason}; split the draft to check the rest.`;
}

function tooManyQuotations(checked: number, found: number, limit: number): Stopped {
  return {
    kind: 'quotations',
    reason: `only the first ${formatCount(checked)} of ${formatCount(found)} quotations were checked (the limit is ${formatCount(limit)} per draft)`,
  };
}

/** Gives the event loop a turn: pending requests and timers run before the check goes on. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Finds and checks the quotations of `text`, keeping to `limits`: a draft over the size limit is not read at all,
 * and quotations past the quotation limit are left unchecked; both give a `stopped` sentence. Quotations of one
 * group are always checked together. Between slices of about `control.sliceMs` the event loop gets a turn, and a
 * cancelled check gives null.
 */
export async function checkDraftWithinLimits(
  index: SourceIndex,
  text: string,
  format: DraftFormat,
  options: Partial<DraftCheckOptions>,
  limits: DraftLimits = DEFAULT_DRAFT_LIMITS,
  control: SliceControl = {},
): Promise<LimitedCheck | null> {
  const tooLarge = draftTooLarge(text.length, limits);
  if (tooLarge) return { findings: [], found: 0, stopped: tooLarge, leftOut: 0 };
  const sliceMs = control.sliceMs ?? 15;
  const { quotations, leftOut } = findQuotationsAndLeftOut(text, format);
  const groups = groupsOf(quotations, limits.maxQuotations);
  const checked = groups.reduce((sum, group) => sum + group.length, 0);
  const findings: Finding[] = [];
  let done = 0;
  let sliceStart = performance.now();
  for (const group of groups) {
    if (performance.now() - sliceStart >= sliceMs) {
      await control.afterSlice?.(done, checked);
      await yieldToEventLoop();
      if (control.cancelled?.()) return null;
      sliceStart = performance.now();
    }
    findings.push(...(control.memo ? control.memo.check(index, text, group, options) : checkQuotations(index, text, group, options)));
    done += group.length;
  }
  const stopped = checked < quotations.length ? tooManyQuotations(checked, quotations.length, limits.maxQuotations) : null;
  return { findings, found: quotations.length, stopped, leftOut };
}

/**
 * Splits quotations (in document order) into their groups, keeping at most `max` quotations; a group that would
 * cross the limit is left out whole, so that no quotation is judged on part of its group.
 */
function groupsOf(quotations: Quotation[], max: number): Quotation[][] {
  const groups: Quotation[][] = [];
  let kept = 0;
  for (let i = 0; i < quotations.length; ) {
    let j = i + 1;
    while (j < quotations.length && quotations[j]!.group === quotations[i]!.group) j++;
    if (kept + (j - i) > max) break;
    groups.push(quotations.slice(i, j));
    kept += j - i;
    i = j;
  }
  return groups;
}
