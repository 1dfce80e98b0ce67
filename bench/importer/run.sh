#!/usr/bin/env bash
# Times the Markdown importer: the seed warmed up, and documents of 1.25, 2.5, 5 and 10 MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx2g -cp "target/classes:$(cat target/bench-classpath.txt)" bench/importer/ImporterBench.java "$@"
