report tests/fixtures/tracking/plan-due-30.yaml --period 2024-02 --as-of 2024-04-02 --source-revisions none --format csv
