tasks tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/tasks-done --as-of 2024-11-05 --period 2024-09 --format csv
