"""Data files shipped with newsgist: word tables now, model weights later."""
