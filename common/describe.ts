// How a refusal quotes the value it refused: short, and the same in every message of GIL Lab.

/** A value for an error message: text quoted (and cut at 40 characters), numbers as they are, else its kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}

/** "a or b", "one of a, b or c": the values a field allows. */
export function oneOfText(values: readonly string[]): string {
  if (values.length <= 2) return values.join(' or ');
  return `one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
