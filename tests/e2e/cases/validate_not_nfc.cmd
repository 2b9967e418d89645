validate tests/fixtures/plans/warn_not_nfc.yaml
