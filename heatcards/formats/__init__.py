"""Reading and writing deck files: no UI, no SQL."""
