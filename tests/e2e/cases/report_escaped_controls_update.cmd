report tests/fixtures/updates/plan-dir tests/fixtures/updates/bad_escaped_controls_update.toml --period 2024-Q3 --source-revisions none
