// Deliberately broken: the scan reports this file as not parsed and goes on.
export const = ;; function {{{ (
