import { styleText } from "node:util";

export type TextStyle = Parameters<typeof styleText>[0];
export type Paint = (style: TextStyle, text: string) => string;

/** Colours through `util.styleText`, or leaves text alone when colour is off. */
export function painter(color: boolean): Paint {
  // validateStream: false because the caller already decided; newer Node would otherwise strip colour when stdout is not a TTY.
  return color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}
