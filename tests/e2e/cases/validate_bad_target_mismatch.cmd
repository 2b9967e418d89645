validate tests/fixtures/plans/bad_target_mismatch.yaml
