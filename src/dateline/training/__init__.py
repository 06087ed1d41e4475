"""Training code for dateline's trained components (not stable API).

Run-time stages only load what these modules write into package data; nothing here is
imported by the pipeline.
"""
