"""The seed handler, fixed: one output per input record, under the input's
recordId, its flattened objects newline-delimited in data."""
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


def lambda_handler(event, context):
    records = []
    for record in event['records']:
        payload = base64.b64decode(record['data']).decode('utf-8')
        rows = [json.dumps(flatten_json(o)) for o in json.loads(payload)]
        data = ''.join(row + '\n' for row in rows)
        records.append({'recordId': record['recordId'], 'result': 'Ok',
                        'data': base64.b64encode(data.encode('utf-8')).decode('ascii')})
    return {'records': records}
