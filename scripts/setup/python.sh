#!/usr/bin/env bash
# Python bindings and Spark example tests (scripts/test.d/python.sh): Java 17 for Spark, and a
# virtualenv under target/ (removed with the build output) holding maturin, pytest and pyspark
# from PyPI. Idempotent: an existing venv with the packages is left as it is.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${VNTASK_PYVENV:-target/python-venv}"

if ! command -v java >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi

python3 -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "python.sh: python3 >= 3.10 is needed, found $(python3 --version)" >&2
  exit 1
}
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --disable-pip-version-check \
  "maturin>=1.5,<2" "pytest>=7" "pyspark>=3.5,<5"
