#!/usr/bin/env bash
# Builds the whole project into another output folder (dist-<name>/), type errors reported but not fatal,
# so that several people (or agents) can build and test side by side without sharing dist/.
# Usage: scripts/build-to.sh dist-mine && TEST_DIST=dist-mine node scripts/run-tests.mjs <filter>
set -u
out=${1:?output folder, e.g. dist-mine}
npx tsc -p tsconfig.json --outDir "$out" --tsBuildInfoFile "$out/.tsbuildinfo"
status=$?
npx tsc-alias -p tsconfig.json --outDir "$out"
exit $status
