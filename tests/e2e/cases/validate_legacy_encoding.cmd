validate tests/fixtures/plans/warn_legacy_encoding.yaml
