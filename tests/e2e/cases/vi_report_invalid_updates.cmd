report --lang vi tests/fixtures/updates/plan-dir tests/fixtures/updates/bad_conflict.yaml --period 2024-Q3 --source-revisions none
