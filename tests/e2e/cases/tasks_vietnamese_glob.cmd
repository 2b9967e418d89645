tasks tests/fixtures/updates/vietnamese-glob/plan.yaml --as-of 2025-10-01
