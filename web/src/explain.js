// Plain words for what Firehose does, next to its error codes and messages.

const codes = {
  "Lambda.MissingRecordId":
    "The function's response did not return this record's recordId (it was left out, or its id was changed). " +
    "Firehose marks the record as failed and writes it to the processing-failed/ prefix; the other records are delivered.",
  "Lambda.DuplicatedRecordId":
    "The response returned the same recordId more than once. Firehose needs exactly one output record per input record; " +
    "to turn one record into several rows, put the rows newline-delimited inside that record's single data.",
  "Lambda.ProcessingFailedStatus":
    "The function itself marked this record result: \"ProcessingFailed\". Firehose does not retry it: " +
    "the original input bytes go to the processing-failed/ prefix.",
  "Lambda.FunctionError":
    "The function raised an error (or Lambda refused its answer), so the whole batch failed. " +
    "Firehose retries the invocation (NumberOfRetries times: 3 by default) and then writes every record of the batch to processing-failed/.",
  "Lambda.JsonProcessingException":
    "Firehose could not read the response: it is not JSON, or not shaped {\"records\": [...]} with string recordIds. " +
    "The whole batch fails.",
  "Lambda.InvalidReturnFormat":
    "The record is returned as \"Ok\" but without a base64 data string, so there is nothing to deliver.",
  "Function.ResponseSizeTooLarge":
    "The response body is larger than Lambda's 6 MB limit (6,291,556 bytes). Lambda fails the call before Firehose sees it, " +
    "which Firehose treats as Lambda.FunctionError: the whole batch is retried and then fails.",
  "Lambda.FunctionTimedOut":
    "The function ran longer than its timeout; the whole batch is retried and then fails.",
  "Lambda.InvokeLimitExceeded":
    "Lambda throttled the invocation. The whole batch is retried and then fails.",
  ignored:
    "This output's recordId was not in the input. Firehose ignores it without any error: its data is lost, silently.",
  duplicate:
    "This output repeats a recordId that an earlier output already returned.",
};

// How sure the playground is of what Firehose does for each code
// (docs/firehose-contract.md, section 3), and what the doubt is about.
const codeConfidence = {
  "Lambda.MissingRecordId": ["confirmed"],
  "Lambda.DuplicatedRecordId": ["unconfirmed", "The code is confirmed; whether Firehose fails only the repeated id or the whole batch is not."],
  "Lambda.ProcessingFailedStatus": ["confirmed"],
  "Lambda.FunctionError": ["confirmed"],
  "Lambda.JsonProcessingException": ["confirmed"],
  "Lambda.InvalidReturnFormat": ["unconfirmed", "Seen in one probe of real AWS, per record."],
  "Function.ResponseSizeTooLarge": ["likely"],
  "Lambda.FunctionTimedOut": ["confirmed"],
  "Lambda.InvokeLimitExceeded": ["confirmed"],
  ignored: ["likely", "No error appears anywhere, so this is known from captures and emulators, not from AWS's documentation."],
};

/**
 * codeInfo says what Firehose does for a code and how sure the playground
 * is: {words, confidence, why}, or null for codes that are not Firehose's.
 * A verdict's own confidence (the engine's, for this case), when given,
 * wins over the code's usual one: Lambda.FunctionError is confirmed for a
 * function that raised, but only likely for a response over 6 MB.
 */
export function codeInfo(code, verdictConfidence) {
  const words = codes[code];
  if (!words) return null;
  const [usual, note] = codeConfidence[code] || ["unconfirmed"];
  if (verdictConfidence && verdictConfidence !== usual) {
    return { words, confidence: verdictConfidence, why: `${confidenceText(verdictConfidence)} (This verdict; the code is usually ${usual}.)` };
  }
  return { words, confidence: usual, why: note || confidenceText(usual) };
}

/**
 * codeTitle is the hover text of a code: what Firehose does and how sure
 * we are, of this verdict when its confidence is given ("" for other codes).
 */
export function codeTitle(code, verdictConfidence) {
  const info = codeInfo(code, verdictConfidence);
  if (!info) return "";
  return `${code}: ${info.words}\nConfidence: ${info.confidence}. ${info.why}`;
}

/** explain returns a plain-words explanation of a Firehose error code, or "". */
export function explain(code) {
  return codes[code] || "";
}

const confidences = {
  confirmed: "AWS documentation or real error objects agree on this.",
  likely: "Seen in one real capture or a probing emulator, not documented by AWS.",
  unconfirmed: "Sources disagree or only guesses exist: Firehose may behave differently.",
};

/** confidenceText explains a confidence level ("likely", "unconfirmed", …). */
export function confidenceText(c) {
  return confidences[c] || "";
}

const outcomes = {
  delivered: "delivered to the destination",
  dropped: "dropped on purpose (result \"Dropped\"): no error",
  failed: "failed: written to processing-failed/",
};

/** outcomeText says what an outcome means. */
export function outcomeText(o) {
  return outcomes[o] || o;
}
