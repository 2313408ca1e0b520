import json


def parse(text):
    return json.loads(text)


def lambda_handler(event, context):
    rows = []
    for record in event['records']:
        rows.append(parse(record['data']))
    return {'rows': rows}
