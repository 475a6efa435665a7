import type { ContactAnswer, FollowUpPriority, ScaleQuestionType } from '@closeloop/sdk/schemas';

/**
 * What staff are told about a case, in Slack or by email: a small, explicit summary the job that sends it builds
 * from the case, so the senders do not depend on the shape of the stored case. Texts that customers or staff typed
 * (`comment`, names, attribute values, even `projectName`) are raw here; each sender escapes them for its medium.
 */
export interface CaseNotice {
  projectName: string;
  /** Where staff open the case: the console, or whatever the project links to. */
  caseUrl: string;
  /** What opened the case: the survey (by name) or the feedback button. */
  source: { kind: 'survey'; surveyName: string } | { kind: 'feedback' };
  /** The answer that matched the rule; null for feedback, which has no score. */
  score: { questionType: ScoreQuestionType; value: number; scale?: number } | null;
  comment: string | null;
  /** Who answered; null for an anonymous visitor. */
  customer: { name?: string; email?: string; userId?: string } | null;
  /**
   * How the customer agreed to be reached about this case (the survey's contact step), or that they declined; null
   * when the survey did not ask, or they did not answer (a feedback's email is the customer's, above).
   */
  contact: ContactAnswer | null;
  /** The attribute the project ranks customers by (`mrr`, `plan`) and this customer's value of it, when known. */
  customerValue: { attribute: string; value: string | number } | null;
  priority: FollowUpPriority;
  dueAt: Date;
  /** Null while nobody has it. */
  assigneeName: string | null;
}

/** The question types whose answer is a score: the contract's scales (`QUESTION_KINDS`). */
export type ScoreQuestionType = ScaleQuestionType;
