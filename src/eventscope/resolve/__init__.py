"""Resolution: places, dates and actors found in the text, resolved to gazetteer entries, date ranges and canonical actors."""
