/**
 * The lowest and highest score of a scale question, or null for other types. Free of zod on purpose: the widget
 * imports it at runtime, and the server's answer check and the survey's logic validation share it.
 */
export function scaleRange(question: { type: string; scale?: number }): readonly [number, number] | null {
  switch (question.type) {
    case 'nps':
      return [0, 10];
    case 'csat':
      return [1, 5];
    case 'ces':
      return [1, 7];
    case 'rating':
      return [1, question.scale ?? 5];
    default:
      return null;
  }
}
