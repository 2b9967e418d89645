validate tests/fixtures/tracking/plan.yaml tests/fixtures/tracking/mismatch/2024-10/so-a.yaml
