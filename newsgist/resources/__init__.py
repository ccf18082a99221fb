"""Data files shipped with newsgist: the learned method's model (word tables are in lang)."""
