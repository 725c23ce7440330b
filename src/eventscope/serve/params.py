"""Query parameters of the JSON API, validated before any route runs (a failure is a 422 in our shape).

Names match the CLI's filter options. Unknown parameters are refused, so a misspelt filter
(``?contry=SY``) is an error instead of silently matching everything.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from eventscope.store import EventFilter

DEFAULT_WITHIN_KM = 25.0
MAX_LIMIT = 1000
_NUMBER = r"-?\d+(?:\.\d+)?"
_BBOX = re.compile(rf"^\s*{_NUMBER}\s*(,\s*{_NUMBER}\s*){{3}}$")


class FilterParams(BaseModel):
    """Which events: every filter left out matches everything."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    since: date | None = Field(None, description="Events on or after this day (YYYY-MM-DD)")
    until: date | None = Field(None, description="Events on or before this day (YYYY-MM-DD)")
    type: str | None = Field(
        None, min_length=1, max_length=80, description="PLOVER type, ACLED event type or sub-event type"
    )
    actor: str | None = Field(
        None, min_length=1, max_length=200, description="Actor or recipient (substring)"
    )
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code of the event place"
    )
    status: Literal["single_source", "corroborated", "disputed"] | None = Field(
        None, description="Claim status"
    )
    q: str | None = Field(None, min_length=1, max_length=200, description="Text in the summary or evidence")
    bbox: str | None = Field(
        None, description="min_lon,min_lat,max_lon,max_lat", examples=["35.0,33.0,37.0,35.0"]
    )
    near: str | None = Field(
        None, min_length=1, max_length=200, description="A place name or 'lat,lon'", examples=["Homs"]
    )
    within_km: float | None = Field(
        None, gt=0, le=2000, description=f"Radius for near / border (default {DEFAULT_WITHIN_KM:g} km)"
    )
    border: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{2}-[A-Za-z]{2}$",
        description="Land border between two countries, ISO codes: SY-LB",
        examples=["SY-LB"],
    )

    @field_validator("since", "until", mode="before")
    @classmethod
    def _day(cls, value: object) -> object:
        # A full ISO time is accepted and cut to its day; anything else must be a plain date.
        if isinstance(value, str) and "T" in value:
            try:
                return datetime.fromisoformat(value).date()
            except ValueError:
                return value
        return value

    @field_validator("bbox")
    @classmethod
    def _four_numbers(cls, value: str | None) -> str | None:
        if value is not None and not _BBOX.match(value):
            raise ValueError("bbox needs four comma-separated numbers: min_lon,min_lat,max_lon,max_lat")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}; swap them")
        if self.near and self.border:
            raise ValueError("give near or border, not both")
        if self.within_km is not None and not (self.near or self.border):
            raise ValueError("within_km needs near (a place or 'lat,lon') or border (e.g. SY-LB)")
        box = self.bbox_numbers()
        if box is not None:
            min_lon, min_lat, max_lon, max_lat = box
            if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise ValueError("bbox must be min_lon,min_lat,max_lon,max_lat within -180..180 / -90..90")
        return self

    def bbox_numbers(self) -> tuple[float, float, float, float] | None:
        if self.bbox is None:
            return None
        a, b, c, d = (float(x) for x in self.bbox.split(","))
        return a, b, c, d

    @property
    def radius_km(self) -> float:
        return self.within_km if self.within_km is not None else DEFAULT_WITHIN_KM

    def event_filter(self, *, limit: int = MAX_LIMIT, offset: int = 0, order: str = "start") -> EventFilter:
        return EventFilter(
            since=self.since,
            until=self.until,
            type=self.type,
            actor=self.actor,
            country=self.country.upper() if self.country else None,
            status=self.status,
            q=self.q,
            bbox=self.bbox_numbers(),
            limit=limit,
            offset=offset,
            order=order,
        )


class EventParams(FilterParams):
    """Filters plus paging and order."""

    limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"Events per page (1..{MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=10_000_000, description="Events to skip")
    sort: Literal["start", "-start", "reports"] = Field(
        "start", description="start (oldest first), -start (newest first), reports (most reported first)"
    )


class PlaceParams(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    q: str | None = Field(None, min_length=1, max_length=200, description="Text in the place name")
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code")
    limit: int = Field(100, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0, le=10_000_000)


class ArticleIn(BaseModel):
    """One article to ingest through the API."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=1_000_000, description="The article's main text")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://")
    outlet: str | None = Field(None, max_length=200)
    published: datetime | None = Field(None, description="Publication time, ISO 8601")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=100)
