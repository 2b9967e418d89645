report examples/lang-son-2024/plan.yaml updates/typo.yml --as-of 2024-11-05
