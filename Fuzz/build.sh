#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/charter-fuzz: CharterCore and libyaml (from the package's
# Yams checkout) compiled with -sanitize=fuzzer,address into one binary. Not part of the
# package build. Needs `swift package resolve` (or any build) first. See docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .build/checkouts/Yams/Sources/CYaml ] || swift package resolve
out=.build/fuzz
mkdir -p "$out"
cyaml=.build/checkouts/Yams/Sources/CYaml
for source in "$cyaml"/src/*.c; do
    clang -c -O1 -g -fsanitize=fuzzer-no-link,address -I "$cyaml/include" "$source" -o "$out/$(basename "$source" .c).o"
done
swiftc "${FUZZ_OPTIMIZATION:--Onone}" -wmo -g -sanitize=fuzzer,address -parse-as-library -module-name CharterFuzz \
    -I "$cyaml/include" $(find Sources/CharterCore -name "*.swift" | sort) Fuzz/PlanFileFuzzer.swift \
    "$out"/*.o -o Fuzz/charter-fuzz 2>&1 | grep -v "^$" || true
[ -x Fuzz/charter-fuzz ] && echo "built Fuzz/charter-fuzz"
