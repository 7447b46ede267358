/**
 * Markup payloads for the XSS sweep. Each would leave an element marked `data-xss-probe` in the page if
 * it were ever read as HTML, so the sweep sees an injection even when the Content-Security-Policy stops
 * its script; each that can run script counts in `window.__xss` or opens a dialog.
 */
export const probeAttribute = 'data-xss-probe';

export const payloads = [
  // an image that fails to load: runs its handler as soon as it is parsed into the page
  `<img src=x ${probeAttribute} onerror="window.__xss=(window.__xss||0)+1">`,
  // leaves a quoted attribute first, for text that lands in one
  `"><svg ${probeAttribute} onload="window.__xss=(window.__xss||0)+1">`,
  // ECharts' rich-text style and template placeholders, for text that reaches a chart's formatter
  `{a|x}{b}{c}{@score} <b ${probeAttribute}>bold</b>`,
  // short enough for the shortest fields (a metric unit: 40 characters)
  `<svg ${probeAttribute} onload=alert(1)>`,
] as const;

/** Hands out payloads in turn, each made unique by a counter, cut to what a field takes. */
export function payloadWriter(): (maxLength?: number) => string {
  let count = 0;
  return (maxLength = 200) => {
    count += 1;
    for (let i = 0; i < payloads.length; i++) {
      const payload = payloads[(count + i) % payloads.length]!;
      const text = `${payload} #${count}`;
      if (text.length <= maxLength) return text;
      if (payload.length <= maxLength) return payload;
    }
    throw new Error(`no payload fits in ${maxLength} characters`);
  };
}

/** The payload shown in `text` as the characters typed, or null. */
export function shownPayload(text: string): string | null {
  return payloads.find((payload) => text.includes(payload)) ?? null;
}

export function isPayload(value: string): boolean {
  return payloads.some((payload) => value.includes(payload));
}
