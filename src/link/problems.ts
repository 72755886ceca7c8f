/** A code for each way link options can be wrong; the README explains each one. */
export type LinkProblemCode =
  | 'options-invalid'
  | 'page-missing'
  | 'page-invalid'
  | 'page-short'
  | 'ref-invalid'
  | 'ref-too-long'
  | 'ref-unsafe'
  | 'ref-template-invalid'
  | 'ref-shortened'
  | 'text-invalid'
  | 'text-on-optin'
  | 'topic-missing'
  | 'topic-invalid'
  | 'cadence-invalid'
  | 'optin-limited'
  | 'username-missing'
  | 'username-invalid'
  | 'text-on-instagram'
  | 'not-messenger-link';

/**
 * One thing wrong (error) or risky (warning) with what a function, element or command was
 * given. Every module reports problems in this one shape: the link checks, QR codes, email
 * snippets, the elements (`mme-invalid`) and the CLI's warnings. `Code` narrows the codes to one
 * module's own (`Problem<LinkProblemCode>`); each code is explained in the README.
 */
export interface Problem<Code extends string = string> {
  /** Stable machine-readable code, such as `page-missing` or `size-invalid`. */
  readonly code: Code;
  /** The option or attribute the problem is about: `page`, `ref`, `size`, `url`, `options`…. */
  readonly field: string;
  /** `error` stops a link from being built; `warning` builds it but flags a risk. */
  readonly severity: 'error' | 'warning';
  /** A plain sentence naming the field and what is wrong with its value. */
  readonly message: string;
}

/** Thrown by the builders and parsers for any error-severity problem. */
export class LinkError extends Error {
  /** The code of the first error. */
  readonly code: LinkProblemCode;
  /** The field of the first error. */
  readonly field: string;
  /** Every problem found, errors and warnings. */
  readonly problems: readonly Problem<LinkProblemCode>[];

  constructor(problem: Problem<LinkProblemCode>, problems: readonly Problem<LinkProblemCode>[] = [problem]) {
    super(problem.message);
    this.name = 'LinkError';
    this.code = problem.code;
    this.field = problem.field;
    this.problems = problems;
  }
}

/** Makes a problem. Every message starts with the name of the field it is about, which is its `field`. */
export const problem = (code: LinkProblemCode, message: string, severity: Problem['severity'] = 'error'): Problem<LinkProblemCode> => ({
  code,
  field: message.split(' ')[0],
  severity,
  message,
});

/** Quotes a user's value for a message, shortened so a huge value cannot flood a log line. */
export const quote = (value: string): string => JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);

/** Throws the first error among `problems`, if any. */
export function throwErrors(problems: readonly Problem<LinkProblemCode>[]): void {
  const error = problems.find((p) => p.severity === 'error');
  if (error) throw new LinkError(error, problems);
}

/** Throws one error problem at once. */
export const fail = (code: LinkProblemCode, message: string): never => {
  throw new LinkError(problem(code, message));
};
