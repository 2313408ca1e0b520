"""Seed handler: the Kinesis Data Firehose transformation Lambda from the Korean
blog post, reconstructed. The unused imports of the original (awswrangler,
pandas, numpy, time, pprint) are dropped; behaviour is otherwise unchanged.

Two variants are kept:

* ``lambda_handler``     - the later version: every output object after the
                           first one of an input record gets recordId + str(i)
                           ("id", "id1", "id2", ...).
* ``lambda_handler_v1``  - the earlier version: every output object carries the
                           input record's recordId unchanged.

Both return ``data`` as *bytes* (base64.b64encode returns bytes); see
run_seed.py and docs/seed-lambda.md for what the Lambda runtime does with that.

Do NOT "fix" anything in this file: it is the reference behaviour.
"""
import json, base64


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


def lambda_handler_v1(event, context):
    """Earlier version: no record_id_idx logic, every output object gets the
    input record's recordId."""
    records = []
    for record in event['records']:
        record_id = record['recordId']
        payload = base64.b64decode(record['data']).decode('utf-8')
        nested_json_list = json.loads(payload)
        flat_dict_list = [flatten_json(nested_json) for nested_json in nested_json_list]
        for flat_dict in flat_dict_list:
            dict_byte = dict_to_bytes(flat_dict)
            result_value = generate_result_value(dict_byte, record_id)
            records.append(result_value)
    return {'records': records}
