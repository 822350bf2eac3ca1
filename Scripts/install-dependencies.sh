#!/usr/bin/env bash
# Installs what building and testing Charter needs and is not there yet (Debian/Ubuntu, as root
# or with sudo): libgit2-dev (found through pkg-config), pkg-config, git (tests drive real
# repositories with it), python3 (the example's history and benchmark generators) and tj3
# (TaskJuggler, the reference scheduler for the schedule tests); then the
# pre-commit framework from PyPI, for the test of .pre-commit-hooks.yaml (skipped without it).
set -euo pipefail

missing=()
pkg-config --exists libgit2 2>/dev/null || missing+=(libgit2-dev pkg-config)
# zlib's header: Charter checks loose objects itself before libgit2 1.5 reads them (docs/commands.md).
[ -f /usr/include/zlib.h ] || pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v python3 >/dev/null 2>&1 || missing+=(python3 python3-pip)
# TaskJuggler: the independent scheduler that charter schedule's arithmetic is checked against.
command -v tj3 >/dev/null 2>&1 || missing+=(tj3)
# zsh: the install test parses the zsh completion script with `zsh -n`; man-db renders the page.
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
command -v man >/dev/null 2>&1 || missing+=(man-db)
# strace: a test checks that libgit2's start reads neither the CA bundle nor OpenSSL's configuration.
command -v strace >/dev/null 2>&1 || missing+=(strace)

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "charter: please install: ${missing[*]} (libgit2 1.5 or newer with its pkg-config file)" >&2
    exit 2
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Not Debian's pre-commit package: .pre-commit-hooks.yaml needs pre-commit 3.2 or newer.
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "Installing pre-commit (pip) ..." >&2
  python3 -m pip install --quiet --disable-pip-version-check pre-commit >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pre-commit >/dev/null 2>&1 \
    || echo "charter: could not install pre-commit with pip; the pre-commit framework test will be skipped" >&2
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
fi

# icalendar from PyPI: the export tests parse `charter export --format ics` with a real parser.
if ! python3 -c "import icalendar" >/dev/null 2>&1; then
  echo "Installing icalendar (pip) ..." >&2
  python3 -m pip install --quiet --disable-pip-version-check icalendar >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages icalendar >/dev/null 2>&1 \
    || echo "charter: could not install icalendar with pip; the calendar export test will be skipped" >&2
fi

# Portfolio export (issue 16): jsonschema validates every line of `charter export --format jsonl`
# against `charter schema jsonl`; DuckDB runs the queries of docs/portfolio.md on three exports.
for module in jsonschema duckdb; do
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    echo "Installing $module (pip) ..." >&2
    python3 -m pip install --quiet --disable-pip-version-check "$module" >/dev/null 2>&1 \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$module" >/dev/null 2>&1 \
      || echo "charter: could not install $module with pip; the portfolio export tests that need it will be skipped" >&2
  fi
done

# Forecast (issue 18): Tests/forecast/reimplement_sampling.py refits and samples the model with
# numpy (reading the generated plans with PyYAML) to check charter forecast's quantiles.
for module in numpy yaml; do
  if ! python3 -c "import $module" >/dev/null 2>&1; then
    package=$module
    [ "$module" = yaml ] && package=pyyaml
    echo "Installing $package (pip) ..." >&2
    python3 -m pip install --quiet --disable-pip-version-check "$package" >/dev/null 2>&1 \
      || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages "$package" >/dev/null 2>&1 \
      || echo "charter: could not install $package with pip; the forecast sampling check will be skipped" >&2
  fi
done

# MS Project export and import (issue 16): MPXJ, an independent reader and writer of MSPDI, from PyPI (mpxj with
# JPype); it runs on Java 11 or newer (OpenJDK 17 from Debian when no java is installed).
if ! python3 -c "import mpxj, jpype" >/dev/null 2>&1; then
  if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing openjdk-17-jre-headless ..." >&2
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
      || echo "charter: could not install Java; the MS Project export and import tests that use it will be skipped" >&2
  fi
  echo "Installing mpxj and jpype1 (pip) ..." >&2
  python3 -m pip install --quiet --disable-pip-version-check mpxj jpype1 >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages mpxj jpype1 >/dev/null 2>&1 \
    || echo "charter: could not install mpxj with pip; the MS Project export and import tests that use it will be skipped" >&2
fi

# pytest-lsp from PyPI (with pygls and lsprotocol): the language server tests drive `charter lsp`
# with a real LSP client. Not skipped without it: the Swift test that runs Tests/lsp fails.
if ! python3 -c "import pytest_lsp, pytest_asyncio" >/dev/null 2>&1; then
  echo "Installing pytest-lsp (pip) ..." >&2
  python3 -m pip install --quiet --disable-pip-version-check pytest-lsp >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages pytest-lsp >/dev/null 2>&1 \
    || echo "charter: could not install pytest-lsp with pip; the language server tests (Tests/lsp) will fail" >&2
fi
