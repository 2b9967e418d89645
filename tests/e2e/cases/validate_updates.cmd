validate examples/lang-son-2024 tests/fixtures/updates/plan-dir tests/fixtures/updates/bad_unknown_task.yaml tests/fixtures/updates/bad_not_owner.yaml
