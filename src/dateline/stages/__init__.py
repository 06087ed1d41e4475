"""Pipeline stages, one module each. A stage is a plain function: typed records in,
new typed records out. The order lives in ``dateline.pipeline``."""
