form examples/lang-son-2024 --owner nobody --period 2024-10
