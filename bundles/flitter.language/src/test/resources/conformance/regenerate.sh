#!/usr/bin/env bash
# Regenerates the expected outputs of the conformance suite from the ORIGINAL Flitter
# implementation (the Python/Cython "oracle").
#
# Needs the oracle at $FLEVAL (default /tmp/flitter-oracle/fleval). The oracle is NOT part of
# this build and is never run by it: the generated .out/.error files are committed and the Java
# tests only read them.
#
# For every case NAME.fl (files whose name starts with '_' are modules/includes, not cases):
#   NAME.out    the oracle's exact stdout (the printed node tree)
#   NAME.error  (cases under parse-errors/ only) "LINE:COLUMN" of the parse error, or "EOF"
#               when the oracle reports "line None"
# NAME.args, if present, holds one "-D NAME=VALUE" per line, passed on to the oracle.
#
# Usage: ./regenerate.sh [CASE.fl ...]     (default: every case)
set -u
cd "$(dirname "$(readlink -f "$0")")"
FLEVAL=${FLEVAL:-/tmp/flitter-oracle/fleval}
if [ ! -x "$FLEVAL" ]; then
    echo "oracle not found: $FLEVAL (set FLEVAL)" >&2
    exit 1
fi
status=0
if [ $# -gt 0 ]; then
    cases=("$@")
else
    mapfile -t cases < <(find . -name '*.fl' ! -name '_*' | sed 's|^\./||' | LC_ALL=C sort)
fi
for fl in "${cases[@]}"; do
    base=${fl%.fl}
    args=()
    if [ -f "$base.args" ]; then
        while IFS= read -r line || [ -n "$line" ]; do
            [ -z "$line" ] && continue
            read -r flag value <<<"$line"
            args+=("$flag" "$value")
        done <"$base.args"
    fi
    err=$(mktemp)
    "$FLEVAL" "$fl" "${args[@]}" >"$base.out" 2>"$err"
    rc=$?
    case "$fl" in
    parse-errors/*)
        loc=$(grep -m1 -o 'Error parsing .* at line [0-9None]* column [0-9None]*' "$err" |
              sed -E 's/.* at line ([0-9]+|None) column ([0-9]+|None)$/\1:\2/')
        if [ -z "$loc" ]; then
            echo "$fl: expected a parse error, got none (rc=$rc)" >&2
            status=1
        elif [ "${loc%%:*}" = None ]; then
            echo EOF >"$base.error"
        else
            echo "$loc" >"$base.error"
        fi
        ;;
    *)
        if [ $rc -ne 0 ] || grep -q 'Error parsing' "$err"; then
            echo "$fl: oracle failed (rc=$rc):" >&2
            cat "$err" >&2
            status=1
        fi
        ;;
    esac
    rm -f "$err"
done
exit $status
