// Reads the comments with which a writer switches checking off in part of a draft (`verbatim-disable`,
// `verbatim-enable`, `verbatim-disable-next`), and leaves out the quotations they switch off.
import type { Quotation } from '../types.js';

/** What a directive does: stop checking, start again, or leave out the next quotation only. */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next';

/** A directive comment and the offset just past it, from where it applies. */
export interface Directive {
  kind: DirectiveKind;
  at: number;
}

/** The text of a comment that is a directive: the name first, then anything, such as the reason for it. */
const DIRECTIVE = /^\s*verbatim-(disable-next|disable|enable)(?![\w-])/;

/** The directive a comment's text (without its comment marks) gives, or null when it is no directive. */
export function directiveIn(comment: string): DirectiveKind | null {
  return (DIRECTIVE.exec(comment)?.[1] as DirectiveKind | undefined) ?? null;
}

/**
 * The quotations that no directive switches off, in their order. A quotation is left out when it opens between a
 * `verbatim-disable` and the next `verbatim-enable` (or the end of the draft), or when it is the first quotation
 * after a `verbatim-disable-next`, together with the parts of its statement after it (“We will,” she said, “rebuild.”):
 * a comment before “rebuild.” leaves “We will,” checked.
 */
export function applyDirectives(quotations: Quotation[], directives: Directive[]): Quotation[] {
  if (directives.length === 0) return quotations;
  const ordered = [...directives].sort((a, b) => a.at - b.at);
  const kept: Quotation[] = [];
  const leftOut = new Set<number>();
  let next = 0;
  let disabled = false;
  let skipNext = false;
  for (const quotation of quotations) {
    for (; next < ordered.length && ordered[next]!.at <= quotation.open.start; next++) {
      const { kind } = ordered[next]!;
      if (kind === 'disable-next') skipNext = true;
      else disabled = kind === 'disable';
    }
    if (skipNext && !leftOut.has(quotation.group)) {
      leftOut.add(quotation.group);
      skipNext = false;
    }
    if (disabled || leftOut.has(quotation.group)) continue;
    kept.push(quotation);
  }
  return kept;
}
