#!/usr/bin/env bash
# Records the expected output of JS golden tests from node (v20): for each test,
# <name>.out gets its stdout, <name>.err its stderr (only when there is any), and <name>.code its
# exit status (only when it is not 0). The test suite compares actorjs against these files, so
# running it does not need node. A "// Flags:" line near the top gives node (and actorjs) flags.
# Run from anywhere:
#
#   tests/js/record.sh tests/js/timers/*.js
set -euo pipefail
for file in "$@"; do
  dir=$(dirname "$file")
  base=$(basename "$file")
  name="${base%.*}"
  # The runtime flags the test asks for on a "// Flags:" line near its top, as in node's tests.
  flags=$(head -5 "$file" | sed -n 's|^// Flags:||p' | head -1)
  set +e
  # shellcheck disable=SC2086 # the flags are words
  (cd "$dir" && node $flags "$base" >"$name.out" 2>"$name.err.tmp")
  code=$?
  set -e
  if [ -s "$dir/$name.err.tmp" ]; then mv "$dir/$name.err.tmp" "$dir/$name.err"; else rm -f "$dir/$name.err.tmp" "$dir/$name.err"; fi
  if [ "$code" -ne 0 ]; then echo "$code" >"$dir/$name.code"; else rm -f "$dir/$name.code"; fi
  echo "recorded $file (exit $code)"
done
