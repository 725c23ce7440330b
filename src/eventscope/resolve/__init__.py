"""Resolution: places, dates and actors in the text -> gazetteer entries, date ranges, canonical actors."""
