// The code a function editor starts with, per language. Loaded only when a
// function is chosen (a chunk of its own).

/**
 * PYTHON_STARTER is the seed Lambda's code (the project keeps the reference
 * copy in scripts/seed/seed_lambda.py; this is its lambda_handler, whose
 * rows after the first of each record carry made-up recordIds that Firehose
 * ignores). Run it, see the rows vanish, fix it in place.
 */
export const PYTHON_STARTER = `import json, base64


def type_to_object(obj):
    if type(obj) == list:
        return [str(i) for i in obj]
    else:
        return str(obj)


def flatten_json(nested_json: dict):
    flat_json = {}
    for key, value in nested_json.items():
        if value and type(value) == dict:
            for inside_key, inside_value in value.items():
                merged_key = f'{key}.{inside_key}'
                flat_json[merged_key] = json.dumps(type_to_object(inside_value))
        else:
            flat_json[key] = json.dumps(type_to_object(value))
    return flat_json


def dict_to_bytes(value):
    json_to_str = json.dumps(value)
    return base64.b64encode(json_to_str.encode('utf-8'))


def generate_result_value(dict_bytes, record_id):
    return {'data': dict_bytes, 'recordId': record_id, 'result': 'Ok'}


def lambda_handler(event, context):
    records = []
    for record in event['records']:
        record_id = record['recordId']
        payload = base64.b64decode(record['data']).decode('utf-8')
        nested_json_list = json.loads(payload)
        flat_dict_list = [flatten_json(nested_json) for nested_json in nested_json_list]
        record_id_idx = 0
        for flat_dict in flat_dict_list:
            dict_byte = dict_to_bytes(flat_dict)
            result_value = generate_result_value(dict_byte, record_id + str(record_id_idx) if record_id_idx != 0 else record_id)
            records.append(result_value)
            record_id_idx += 1
    return {'records': records}
`;

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
