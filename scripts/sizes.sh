#!/usr/bin/env bash
# Prints the size of each file of a build folder, raw and gzip (-9), and the totals; the
# name column as wide as the longest name (the code-split chunks have long ones).
set -euo pipefail
dir=${1:-dist}
mapfile -t files < <(find "$dir" -type f | sort)
w=${#dir}; w=$((w + 8))
for f in "${files[@]}"; do n=${f#"$dir"/}; if ((${#n} > w)); then w=${#n}; fi; done
printf '%-*s %10s %10s\n' "$w" "file ($dir/)" "bytes" "gzip"
total=0; gtotal=0
for f in "${files[@]}"; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9c "$f" | wc -c)
  total=$((total + raw)); gtotal=$((gtotal + gz))
  printf '%-*s %10d %10d\n' "$w" "${f#"$dir"/}" "$raw" "$gz"
done
printf '%-*s %10d %10d\n' "$w" "total" "$total" "$gtotal"
