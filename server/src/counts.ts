// Writes counts for people to read: 12,345. Grouped by hand rather than with Intl.NumberFormat, whose first use loads
// locale data (about 10 ms) that a short command line run would otherwise pay for at start.

/** An integer with its thousands grouped by commas, as en-US writes it: 1,000,000; -12,345; 7. */
export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 && grouped !== '0' ? `-${grouped}` : grouped;
}
