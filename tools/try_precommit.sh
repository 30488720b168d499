#!/usr/bin/env bash
# Try .pre-commit-hooks.yaml and the documented check-jsonschema hook on a scratch newsroom
# repository, as docs/adopt.md sets them up. Not part of `make test`: pre-commit installs
# each hook into an environment of its own from the package index, so this needs network.
#
#   tools/try_precommit.sh          # uses the committed HEAD of this repository
#
# Exits 0 when every step behaved as documented; prints what it ran.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
REV="$(git -C "$REPO" rev-parse HEAD)"
git -C "$REPO" cat-file -e "$REV:.pre-commit-hooks.yaml"  # the hooks file must be committed
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export PRE_COMMIT_HOME="$SCRATCH/cache" GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git_() { git -c user.name=t -c user.email=t@example.org "$@"; }

python3 -m venv "$SCRATCH/venv"
"$SCRATCH/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit 2>&1 | grep -v "is ignored" || true
PRE_COMMIT="$SCRATCH/venv/bin/pre-commit"

NEWS="$SCRATCH/newsroom"
mkdir -p "$NEWS/stories" "$NEWS/expectations" "$NEWS/ci"
cd "$NEWS"
git_ init -q -b main
cp "$REPO/attribution/data/expectations.schema.json" ci/expectations.schema.json
printf '"We will publish the full plan next week," Jane Doe said in Geneva.\n' > stories/plan.txt
cat > expectations/plan.yaml <<'YAML'
articles: [../stories/*.txt]
quotes:
  - id: doe-plan
    speaker: Jane Doe
    text: "We will publish the full plan next week in Geneva."
    venue: Geneva
YAML
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $REPO
    rev: $REV
    hooks:
      - id: attribution-check
  - repo: local  # check-jsonschema from the package index; docs/adopt.md shows its own repo
    hooks:
      - id: attribution-records-schema
        name: attribution records schema
        entry: check-jsonschema --schemafile ci/expectations.schema.json
        language: python
        additional_dependencies: [check-jsonschema]
        files: ^expectations/.*\.ya?ml$
YAML
git_ add .
"$PRE_COMMIT" install > /dev/null
echo "== a correct story commits"
git_ commit -q -m "plan story"

echo "== a misquote is refused"
printf '"We will publish the whole plan next week," Jane Doe said in Geneva.\n' > stories/plan.txt
git_ add stories/plan.txt
if git_ commit -q -m "misquote" > "$SCRATCH/out" 2>&1; then
  cat "$SCRATCH/out"; echo "FAIL: the misquote was committed"; exit 1
fi
grep "misquote: stories/plan.txt:1:2 quotes Jane Doe differently from record doe-plan" "$SCRATCH/out"
git_ reset -q --hard HEAD

echo "== a record the schema rejects is refused by check-jsonschema"
sed -i 's/^    venue: Geneva/    venue: Geneva\n    said-by: nobody/' expectations/plan.yaml
git_ add expectations/plan.yaml
if git_ commit -q -m "bad record" > "$SCRATCH/out" 2>&1; then
  cat "$SCRATCH/out"; echo "FAIL: the bad record was committed"; exit 1
fi
grep -q "attribution records schema.*Failed" "$SCRATCH/out"
grep -m1 "said-by" "$SCRATCH/out"
echo "ok: attribution-check and the records schema hook behave as docs/adopt.md says"
