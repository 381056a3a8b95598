#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version: the lines after its "## [X.Y.Z]" heading, up to
# the next "## " heading or the link references at the end, leading and trailing blank lines
# dropped. Fails when the section is missing or empty. Usage: release-notes.sh X.Y.Z [CHANGELOG.md]
set -euo pipefail
version="${1:?usage: release-notes.sh X.Y.Z [CHANGELOG.md]}"
changelog="${2:-CHANGELOG.md}"
notes="$(awk -v heading="## [${version}]" '
  index($0, heading) == 1 { found = 1; next }
  found && (/^## / || /^\[[^]]+\]: /) { exit }
  found { print }
' "$changelog" | sed -e '/./,$!d')"
if [ -z "${notes//[[:space:]]/}" ]; then
  echo "no CHANGELOG.md section for ${version} (a '## [${version}] - YYYY-MM-DD' heading with entries)" >&2
  exit 1
fi
printf '%s\n' "$notes"
