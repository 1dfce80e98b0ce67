# Sourced by run.sh and refresh.sh (from the project root): this tree beside a baseline commit, compiled in one
# run, and Markdown made of whole copies of the seed document.

# A temporary folder, removed on exit, as $work.
bench_work() {
  work="$(mktemp -d "/tmp/$1.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
}

# Extracts commit $1 into $work/baseline and compiles it and this tree; $DEPS is the runtime class path.
compile_beside() {
  git archive "$1" | tar -x -C "$work" --one-top-level=baseline
  (cd "$work/baseline" && mvn -B -q -o compile >/dev/null 2>&1)
  mvn -B -q -o compile >/dev/null 2>&1
  mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1
  DEPS="$(cat "$work/cp.txt")"
}

# Writes to $2 as many whole copies of the seed Markdown as fit in $1 bytes (less at most one copy: ~23 KB).
seed_copies() {
  local seed=src/test/resources/importer/seed-coordination-plan.md
  : > "$2"
  while [ $(( $(stat -c %s "$2") + $(stat -c %s "$seed") )) -le "$1" ]; do cat "$seed" >> "$2"; done
}
