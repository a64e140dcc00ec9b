/**
 * A list of every value of an API enum, in the order people see them:
 * `everyValueOf<Category>()(['data', …])` compiles only when the list names each value, so a value
 * added to the spec breaks the type check instead of going missing from a menu.
 */
export function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
}
