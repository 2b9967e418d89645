update t9 --plan tests/fixtures/tracking/update-plan --status done --by so-b --date 2024-11-02 --dry-run
