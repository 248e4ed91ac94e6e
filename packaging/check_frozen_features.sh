#!/usr/bin/env bash
# What a frozen NewsGold must still do beyond `newsgold self-test`, run as a user runs the CLI on a
# tiny corpus: pre-annotation with the bundled model, team agreement (nltk's alpha and kappa),
# dashboard charts (pyqtgraph) as PNG and SVG, and exports (JSONL, CoNLL, CSV, spaCy DocBin).
# The size cuts in newsgold.spec are safe only while this passes.
#
#   bash packaging/check_frozen_features.sh dist/newsgold/newsgold [PYTHON]
#
# PYTHON (default python3) only reads the JSON answers. packaging/checks/team-{x,y}.jsonl: three
# synthetic articles, done, annotated by x and by y alike except that y calls India an ORG.
set -euo pipefail
BIN=$(readlink -f "${1:?usage: check_frozen_features.sh NEWSGOLD_BINARY [PYTHON]}")
PY=${2:-python3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DEMO=$(dirname "$BIN")/_internal/resources/demo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NEWSGOLD_HOME="$work/home" QT_QPA_PLATFORM=offscreen
fail() { echo "check_frozen_features: FAIL: $*" >&2; exit 1; }
ok() { echo "check_frozen_features: ok: $*"; }

[ -d "$DEMO" ] || fail "no demo corpus at $DEMO"
out=$("$BIN" --db "$work/demo.sqlite3" import "$DEMO") || fail "import with pre-annotation: $out"
grep -q "pre-annotated [1-9]" <<<"$out" || fail "the bundled model pre-annotated nothing: $out"
ents=$("$BIN" --db "$work/demo.sqlite3" stats --json | "$PY" -c 'import json,sys; print(sum(json.load(sys.stdin)["entities"].values()))')
[ "$ents" -gt 0 ] || fail "no entity suggestions after pre-annotation"
ok "import + pre-annotation with the bundled model ($ents entity suggestions)"

"$BIN" --db "$work/x.sqlite3" --annotator x import --no-preannotate "$HERE/checks/team-x.jsonl" >/dev/null
"$BIN" --db "$work/y.sqlite3" --annotator y import --no-preannotate "$HERE/checks/team-y.jsonl" >/dev/null
"$BIN" merge "$work/x.sqlite3" "$work/y.sqlite3" -o "$work/team.sqlite3" >/dev/null
"$BIN" --db "$work/team.sqlite3" agreement --json > "$work/agreement.json" || fail "newsgold agreement"
# the one relabelled entity per article makes alpha a real computation: strictly between 0 and 1
"$PY" - "$work/agreement.json" <<'EOF' || fail "agreement figures: $(cat "$work/agreement.json")"
import json, sys
r = json.load(open(sys.argv[1]))
alpha, kappa = r["mean"]["entities"]["alpha"], r["mean"]["events"]["kappa"]
assert r["articles"] == 3, r["articles"]
assert alpha is not None and 0 < alpha < 1, alpha
assert kappa == 1.0, kappa
print(f"check_frozen_features: ok: newsgold agreement (entities alpha {alpha:.3f}, events kappa {kappa})")
EOF
"$BIN" --db "$work/team.sqlite3" agreement | grep -q "per-label F1" || fail "agreement text report"

"$BIN" --db "$work/demo.sqlite3" chart event-types --status any -o "$work/types.png" >/dev/null || fail "chart PNG"
[ "$(head -c 8 "$work/types.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "types.png is not a PNG"
[ "$(stat -c %s "$work/types.png")" -gt 5000 ] || fail "types.png is too small to hold a chart"
"$BIN" --db "$work/x.sqlite3" chart speakers -o "$work/speakers.svg" >/dev/null || fail "chart SVG"
grep -q "<svg" "$work/speakers.svg" || fail "speakers.svg is not SVG"
ok "charts: event-types PNG ($(stat -c %s "$work/types.png") bytes), speakers SVG"

for fmt in jsonl conll csv spacy; do
  "$BIN" --db "$work/x.sqlite3" export --format "$fmt" -o "$work/export.$fmt" >/dev/null || fail "export $fmt"
  [ -s "$work/export.$fmt" ] || fail "export $fmt wrote nothing"
done
[ "$(wc -l < "$work/export.jsonl")" = 3 ] || fail "export jsonl: not 3 articles"
ok "exports: jsonl conll csv spacy"
