// Prints the report of a check as the one JSON object of the command-line contract.
import type { Report } from '../report.js';

/** The report as indented JSON, ending with a line break. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
