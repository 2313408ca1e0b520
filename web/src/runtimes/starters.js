// The code a function editor starts with, per language. Loaded only when a
// function is chosen (a chunk of its own).
import PYTHON_STARTER from "seed:python-starter";

/**
 * PYTHON_STARTER is the seed Lambda's code: the imports, the helpers and
 * lambda_handler of scripts/seed/seed_lambda.py, taken from that file when
 * the page is built (build-seed.mjs). Its outputs after the first of each
 * record carry made-up recordIds that Firehose ignores. Run it, see the
 * rows vanish, fix it in place.
 */
export { PYTHON_STARTER };

/**
 * NODEJS_STARTER is a correct transform in the style of AWS's
 * kinesis-firehose-process-record blueprint: one output per input record,
 * the same recordId, result "Ok", the data re-encoded.
 */
export const NODEJS_STARTER = `// One output per input record, with the same recordId: what Firehose expects.
export const handler = async (event, context) => {
  const records = event.records.map((record) => {
    const payload = Buffer.from(record.data, 'base64').toString('utf8');
    // Transform the payload here; this one adds a newline so rows stay apart in S3.
    const transformed = payload.endsWith('\\n') ? payload : payload + '\\n';
    return {
      recordId: record.recordId,
      result: 'Ok',
      data: Buffer.from(transformed, 'utf8').toString('base64'),
    };
  });
  console.log(\`Processed \${records.length} records.\`);
  return { records };
};
`;

/** STARTERS maps a language to its starter. */
export const STARTERS = { python: PYTHON_STARTER, nodejs: NODEJS_STARTER };
