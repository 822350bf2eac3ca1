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
    "$out"/*.o -o Fuzz/charter-fuzz 2>&1 | grep -v -e "^$" -e "Cannot export local symbol" || true
[ -x Fuzz/charter-fuzz ] && echo "built Fuzz/charter-fuzz"
# Seed corpus: every plan file of the example, led by the byte that picks its file (the sorted
# file names of the fuzzer's sample workspace).
mkdir -p Fuzz/corpus
names=(charter.yaml people.yaml programs/pay/budget.yaml programs/pay/decisions.yaml programs/pay/kpis.yaml
       programs/pay/milestones.yaml programs/pay/program.yaml programs/pay/risks.yaml)
count=0
for file in $(find examples -name "*.yaml" | sort); do
    base=$(basename "$file")
    for index in "${!names[@]}"; do
        if [ "$(basename "${names[$index]}")" = "$base" ]; then
            { printf "\\$(printf '%03o' "$index")"; cat "$file"; } > "Fuzz/corpus/seed-$count"
            count=$((count + 1))
        fi
    done
done
echo "seeded Fuzz/corpus with $count files; run: ASAN_OPTIONS=detect_leaks=0 Fuzz/charter-fuzz -max_total_time=600 -detect_leaks=0 Fuzz/corpus"
