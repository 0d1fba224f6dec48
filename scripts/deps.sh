#!/usr/bin/env bash
# Installs what plancheck needs to build and test on Debian 12, when missing.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev libicu-dev libre2-dev libfmt-dev libcli11-dev
      nlohmann-json3-dev libtomlplusplus-dev libzip-dev libxml2-dev libgtest-dev libgmock-dev libbenchmark-dev libmimalloc-dev python3 python3-jsonschema python3-docx time
      libpoppler-cpp-dev tesseract-ocr tesseract-ocr-vie python3-reportlab python3-pil fonts-dejavu-core
      chromium python3-html5lib
      dpkg-dev file man-db python3-yaml zsh fish)
# libzip-dev, libxml2-dev: the .docx and HTML readers; python3-docx:
# tests/tools/make_format_samples.py. libpoppler-cpp-dev: the PDF reader.
# tesseract-ocr, tesseract-ocr-vie: OCR of scanned PDFs, which plancheck runs
# (never links) when present: the tests of OCR need them. python3-reportlab,
# python3-pil, fonts-dejavu-core: tests/tools/make_pdf_samples.py, which
# regenerates samples/formats/. chromium, python3-html5lib: the HTML report's
# tests (headless Chromium; an HTML5 parser). dpkg-dev, file: the .deb
# (cpack's dpkg-shlibdeps finds its Depends; file tells it the ELF files);
# man-db: `man -l` on the generated pages; python3-yaml: the GitHub Action's
# test reads action.yml; zsh, fish: their completion scripts are parsed and
# run by the package test.
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
