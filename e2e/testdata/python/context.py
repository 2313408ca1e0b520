"""Returns what the handler sees of the context object and its environment,
logs through the logging module and prints."""
import logging
import os

logger = logging.getLogger()


def lambda_handler(event, context):
    print("first line\nsecond line")
    logger.info("not shown: the root logger's level is WARNING")
    logger.warning("careful: %s", event["n"])
    left = context.get_remaining_time_in_millis()
    return {
        "aws_request_id": context.aws_request_id,
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": context.memory_limit_in_mb,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining_ok": 0 < left <= 60000,
        "region": os.environ["AWS_REGION"],
        "execution_env": os.environ["AWS_EXECUTION_ENV"],
        "cwd": os.getcwd(),
    }
