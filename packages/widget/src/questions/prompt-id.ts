/** The id of a question's prompt, which labels both its controls and the dialog while it shows. */
export const promptId = (questionId: string) => `cl-prompt-${questionId}`;
