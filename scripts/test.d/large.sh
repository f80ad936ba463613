#!/usr/bin/env bash
# The large-input robustness cases of issue 9 (a 200 MB file, a 50 MB single line, 100,000
# nested bullets, 100,000 files), with the release build so they stay well inside CI's time.
# They are #[ignore]d in the default `cargo test` run and run here on their own.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --release --locked --test cli_large -- --ignored --test-threads 1
