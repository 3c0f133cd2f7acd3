# Sourced by lint_imports.sh and typecheck.sh: lay the package out as installed.
#
# The package is assembled from several folders (setuptools package-dir), which
# import-linter and mypy cannot follow from the source tree; they read a private
# temporary folder of symbolic links laid out as the installed package instead.
# Sets $here (the repository) and $stage (the folder, removed on exit), and
# changes into $stage.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/respchain"
for f in "$here"/respchain/*; do ln -s "$f" "$stage/respchain/$(basename "$f")"; done
for d in graph loaders queries viz; do ln -s "$here/$d" "$stage/respchain/$d"; done
ln -s "$here/data" "$stage/respchain/examples"
cd "$stage"
