// The engine's report as the page receives it: transform.Report
// (transform/report.go, whose JSON field names are the contract), in the
// form the wasm adapter hands the page (wasm/documents.go): the large
// documents left out and listed in `documents` instead. Written once here;
// the modules that read a report name these types in JSDoc
// (`@param {import("./report").Report} report`) and `tsc` (make test-web)
// checks them. Every start/end is in UTF-16 code units of the document
// `doc` names.

export type Severity = "error" | "warning" | "info";
export type Confidence = "confirmed" | "likely" | "unconfirmed";
export type Outcome = "delivered" | "dropped" | "failed";

/** A finding's document: the pasted input, or the response (the pasted one, else lambda.body). */
export type Doc = "input" | "response";

export interface Span {
  doc: Doc;
  start: number;
  end: number;
}

/** A place related to a finding. */
export interface Location extends Span {
  message?: string;
}

export interface Finding extends Span {
  /** a code of the engine's catalog (firehose.describe().codes) */
  code: string;
  severity: Severity;
  message: string;
  /** the input record it is about, or -1 */
  record: number;
  /** the output record it is about, or -1 */
  output: number;
  confidence?: Confidence;
  related?: Location[];
}

/** Which records the report describes in full (the request's detail). */
export interface ReportWindow {
  from: number;
  count: number;
  total: number;
}

/** One flattened row of a payload: its [key, value] pairs, in order. */
export type Row = [string, string][];

/** An input record. */
export interface InputRecord {
  index: number;
  /** JSON text when the id is not a string */
  recordId: string;
  start: number;
  end: number;
  dataStart: number;
  dataEnd: number;
  approximateArrivalTimestamp: number;
  size: number;
  gzip?: boolean;
  payload: string;
  /** inside the window: decoded and rows are filled in */
  detail: boolean;
  decoded: string;
  truncated?: boolean;
  rows: Row[];
  /** set by the page's worker, which keeps decoded and rows (and the
   * decoded data of the record's outputs) until the record is shown: they
   * are then "" and [], and the document record/INDEX holds them */
  held?: boolean;
  /** the number of rows, while they are held */
  rowCount?: number;
  /** set by the page when the worker that held the details could not give
   * them (it was replaced: a run was cancelled) */
  gone?: boolean;
  /** the indexes of the output records made of it */
  outputs: number[];
}

export interface LambdaError {
  errorType: string;
  errorMessage: string;
  /** the record the function was processing, or -1 */
  record: number;
}

export interface Lambda {
  /** the body exactly as the function returned it; null in the page's reports (see documents) */
  body: string | null;
  error: LambdaError | null;
}

/** An output record of the response. */
export interface OutRecord {
  index: number;
  recordId: string;
  result: string;
  start: number;
  end: number;
  /** the input record with this recordId, or -1 */
  input: number;
  /** the input record it was made of (the one the function was processing,
   * or, for an ignored output, the one whose recordId it extends: R1 from R), or -1 */
  from: number;
  status: "matched" | "duplicate" | "ignored";
  size: number;
  decoded: string;
  truncated?: boolean;
  rows: number;
  partitionKeys?: [string, string][];
  /** set by the page's worker while decoded is held with its record's details */
  held?: boolean;
}

export interface Response {
  size: number;
  records: OutRecord[];
  total: number;
}

export interface BatchError {
  errorCode: string;
  errorMessage: string;
  attemptsMade: number;
  confidence: Confidence;
  note?: string;
}

export interface RecordVerdict {
  index: number;
  recordId: string;
  outcome: Outcome;
  errorCode: string;
  errorMessage: string;
  confidence: Confidence;
  output: number;
  lostOutputs?: number;
  lostRows?: number;
}

/** An output record whose recordId Firehose ignores. */
export interface Ignored {
  recordId: string;
  start: number;
  end: number;
  output: number;
  rows: number;
}

/** One reading of a behaviour of Firehose that is not confirmed. */
export interface Reading {
  label: string;
  batchError: BatchError | null;
  failed: number[];
  failedCount: number;
}

export interface Alternative {
  code: string;
  message: string;
  readings: Reading[];
}

export interface Verdict {
  batchError: BatchError | null;
  records: RecordVerdict[];
  ignored: Ignored[];
  alternatives: Alternative[];
}

export interface S3Object {
  key: string;
  kind: "delivered" | "processing-failed";
  size: number;
  body: string;
  truncated?: boolean;
  records: number[];
}

export interface S3Preview {
  objects: S3Object[];
}

export interface Stats {
  inputBytes: number;
  records: number;
  skippedRecords: number;
  outputs: number;
  delivered: number;
  dropped: number;
  failed: number;
  ignored: number;
  lostRows: number;
  responseBytes: number;
  responseLimit: number;
  micros: number;
}

/** The documents a report can hold aside: the engine's, and the details
 * of a record of the window, which the page's worker holds (RecordDetails). */
export type DocumentName = EngineDocument | `record/${number}`;

/** The documents the engine itself holds aside, and a report may hold inline. */
export type EngineDocument = "body" | "event" | "export";

/** A record's details, held by the page's worker until the record is shown. */
export interface RecordDetails {
  decoded: string;
  rows: Row[];
  /** the decoded data of the record's outputs, by output index */
  outputs: { [index: number]: string };
}

/** Which run a report belongs to, and the size in bytes of each document it holds aside. */
export interface Documents {
  run: number;
  sizes: Partial<Record<DocumentName, number>>;
}

export interface Report {
  version: string;
  inputKind: string;
  detected: boolean;
  source: string;
  /** the input was read into an event the engine built (see event) */
  generated: boolean;
  /** the event built, inline; "" or absent when it is held aside */
  event?: string;
  preset: string;
  window: ReportWindow;
  records: InputRecord[];
  lambda: Lambda;
  response: Response | null;
  verdict: Verdict;
  s3: S3Preview | null;
  findings: Finding[];
  stats: Stats;
  /** the export asked for, inline; "" or absent when it is held aside */
  export?: string;
  /** the page's reports: the documents held aside (firehose.run with bytes); absent
   * from the adapter's failure reports (a request it could not read, a panic) */
  documents?: Documents;
}

/** doc(name) of a run: a Promise of one of its documents' text, or null when it is gone. */
export type DocFetch = (name: DocumentName) => Promise<string | null>;
