#!/usr/bin/env bash
# The test command of the README: build the CLI the tests run, then every test file.
# Node 20 does not expand globs, and `node --test test` finds no .ts file, so list them. The
# vendored corpora (test/corpus/NAME/) are data from other projects: nothing in them is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
mapfile -t files < <(find test \( -path 'test/corpus/*' -type d \) -prune -o -name '*.test.ts' -print | sort)
# A per-test timeout bounds a test that would hang: tests wait by polling, without reading the clock.
exec node --import tsx --test --test-concurrency=2 --test-timeout=600000 "${files[@]}"
