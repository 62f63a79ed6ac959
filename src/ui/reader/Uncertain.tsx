/** How a mention the finder is unsure of looks: a "?" after it and words for screen readers. */
import { confidenceInWords, isUncertain } from '../../core';

/**
 * After the text of an uncertain mention (confidence under core UNCERTAIN_BELOW): a "?" to see
 * (beside the dashed underline of `.uncertain`, app.css: not told by colour) and, to hear,
 * "(place uncertain, 60% sure)". Nothing for a mention the finder is sure of.
 */
export function UncertainMark({ confidence }: { confidence: number }) {
  if (!isUncertain(confidence)) return null;
  return (
    <>
      <span className="uncertain-mark" aria-hidden="true">
        ?
      </span>
      <span className="visually-hidden"> (place {confidenceInWords(confidence)})</span>
    </>
  );
}

/** The words for a mention's title: "" when the finder is sure, else " (uncertain, 60% sure that this is X)". */
export function uncertainTitle(confidence: number, name: string): string {
  return isUncertain(confidence) ? ` (${confidenceInWords(confidence)} that this is ${name})` : '';
}
