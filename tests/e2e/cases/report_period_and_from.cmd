report examples/lang-son-2024 --period 2024-10 --from 2024-10-01
