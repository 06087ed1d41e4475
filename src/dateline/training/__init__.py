"""Training commands for dateline's trained components (run-time code only loads their output)."""
