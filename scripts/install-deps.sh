#!/usr/bin/env bash
# Installs what building and testing pgi needs, from Debian 12's packages. Idempotent: it
# only calls apt-get when a package is missing. Runs apt-get through sudo when not root.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config git
  libcli11-dev libtomlplusplus-dev libfmt-dev libyaml-cpp-dev doctest-dev
  libutf8proc-dev nlohmann-json3-dev libexpected-dev
  clang clang-format
  libclang-rt-14-dev  # clang's ASan, UBSan and libFuzzer runtimes (only recommended by clang: not installed without it)
  libzip-dev libxlsxwriter-dev libpugixml-dev libgit2-dev
  gettext             # msgfmt compiles po/vi.po; xgettext/msgmerge: scripts/update-pot.sh, test i18n.pot_current
  # tests only: LibreOffice renders the .docx/.xlsx to PDF/CSV, pdftotext reads the PDF
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils unzip
  fonts-liberation2   # Liberation Serif: the metrics of Times New Roman, which LibreOffice substitutes
  python3             # tests only: tests/docs/doc_commands.py runs the commands shown in the docs
  pandoc              # tests only: e2e.escaping_property renders the Markdown output to HTML
  python3-jsonschema python3-yaml  # tests only: schema.agreement checks data/schema/ against pgi validate
  strace              # tests only: e2e.output_paths delivers a signal mid-write, sees the directory fsync
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo; missing: ${missing[*]}" >&2; exit 2; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
