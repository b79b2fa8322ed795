#!/usr/bin/env bash
# Prints the size of each file of a build folder, raw and gzip (-9), and the totals.
set -euo pipefail
dir=${1:-dist}
printf '%-48s %10s %10s\n' "file ($dir/)" "bytes" "gzip"
total=0; gtotal=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total=$((total + raw)); gtotal=$((gtotal + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f | sort)
printf '%-48s %10d %10d\n' "total" "$total" "$gtotal"
