#!/bin/sh
# Container entry point, the image's counterpart of ./dispatcher: picks the jar for the command and runs it as PID 1.
#   slack | discord                                        the chat bots
#   shell | route | eval | stats | forget | suggest | export | check | help   bot-core commands (passed on as they are)
set -eu

case "${1:-}" in
  slack)   shift; jar=/app/slack-adapter.jar ;;
  discord) shift; jar=/app/discord-adapter.jar ;;
  *)       jar=/app/bot-core.jar ;;
esac

# DISPATCHER_JAVA_OPTS is split on spaces on purpose, as in ./dispatcher.
# shellcheck disable=SC2086
exec java ${DISPATCHER_JAVA_OPTS:-} -jar "$jar" "$@"
