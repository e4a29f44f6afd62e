"""Shared infrastructure of every feature: text rules, Vietnamese formats, files, paths, the
open database, errors, the workbook reading engine, PDF layout and the report model."""
