#!/bin/sh
# Reproduce the vendored NL Design System CSS of the loket (issue 9, point 6). Run by a developer when the
# versions in package.json change; the result is committed, so the application never downloads anything.
#   src/maatwerk/loket/frontend/vendor.sh
# Why these packages: @utrecht/component-library-css holds the NL Design System components (EUPL-1.2).
# The theme is the NL Design System example theme (voorbeeld-design-tokens, EUPL-1.2). NOT @utrecht/design-tokens:
# its LICENSE.md says those are proprietary assets of Gemeente Utrecht, not for use by another municipality.
set -eu
hier=$(cd "$(dirname "$0")" && pwd)
doel="$hier/../static/loket/nlds"
werk=$(mktemp -d)
trap 'rm -rf "$werk"' EXIT
cp "$hier/package.json" "$werk/"
(cd "$werk" && npm install --no-audit --no-fund --ignore-scripts --omit=dev >/dev/null)
m="$werk/node_modules"
mkdir -p "$doel"
cp "$m/@utrecht/component-library-css/dist/index.css" "$doel/utrecht-component-library.css"
cp "$m/@utrecht/component-library-css/LICENSE.md" "$doel/LICENSE-utrecht-component-library.md"
cp "$m/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$doel/voorbeeld-theme.css"
cp "$m/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" "$doel/LICENSE-voorbeeld-design-tokens.md"
{
  echo "Vendored by src/maatwerk/loket/frontend/vendor.sh from npm:"
  for p in @utrecht/component-library-css @nl-design-system-unstable/voorbeeld-design-tokens; do
    echo "  $p $(node -p "require('$m/$p/package.json').version")"
  done
} > "$doel/VERSIONS.txt"
echo "NL Design System CSS vendored into $doel"
