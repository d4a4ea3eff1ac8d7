/** Domain rules: value parsing, normalisation and search folding, free of I/O. */
export * from "./dates.ts";
export * from "./decimal.ts";
export * from "./district-codes.ts";
export * from "./missing-parts.ts";
export * from "./names.ts";
export * from "./phone.ts";
export * from "./plate.ts";
export * from "./station.ts";
export * from "./text.ts";
export * from "./vehicle.ts";
export * from "./workdays.ts";
