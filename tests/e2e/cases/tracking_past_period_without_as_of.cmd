report tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/folder/2024-10 --period 2024-10 --source-revisions none --lang en
