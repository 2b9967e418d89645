validate --strict tests/fixtures/plans/warn_not_nfc.yaml
