"""What the dashboard calls the stored codes, in words: sectors, indicators, event types and units.

The database keeps the fixed labels of SCHEMA.md (oil_gas, finance_investment, cubic_metres); every page
and chart writes them through this module, so that one word is used for one thing everywhere. A stored
figure does not say what a volume is of (oil, gas, cargo): its unit in words says what it measures
("1.5 million tonnes", "10 billion cubic metres", charts.fmt_value).

    >>> label("oil_gas"), label("finance_investment"), label("fdi")
    ('Oil and gas', 'Finance and investment', 'Foreign direct investment')
    >>> unit_words("cubic_metres", 2.5e9), unit_words("tonnes", 1)
    ('cubic metres', 'tonne')
"""
from __future__ import annotations

SECTORS = {
    "energy": "Energy", "oil_gas": "Oil and gas", "nuclear": "Nuclear energy", "renewables": "Renewable energy",
    "mining_metallurgy": "Mining and metallurgy", "chemicals": "Chemicals",
    "transport_logistics": "Transport and logistics", "agriculture": "Agriculture", "digital": "Digital technology",
    "finance_investment": "Finance and investment", "manufacturing": "Manufacturing", "construction": "Construction",
    "tourism": "Tourism", "culture_education": "Culture and education", "labor_social": "Labour and social affairs",
    "health_pharma": "Health and pharmaceuticals", "defense_security": "Defence and security",
    "environment_climate": "Environment and climate", "trade": "Trade",
}
INDICATORS = {
    "trade_turnover": "Trade turnover", "exports": "Exports", "imports": "Imports", "investment": "Investment",
    "fdi": "Foreign direct investment", "deal_value": "Deal value", "companies": "Companies",
    "joint_ventures": "Joint ventures", "projects": "Projects", "volume": "Volume", "other": "Other figure",
}
EVENT_TYPES = {"agreement": "Agreement", "working_group": "Working group", "meeting": "Meeting",
               "project": "Project"}
STATUSES = {"signed": "Signed", "agreed": "Agreed", "planned": "Planned", "discussed": "Discussed"}

# unit -> (one, many); "" for a plain count. Currencies are written by charts.fmt_value ($, €, KZT).
UNITS = {
    "count": ("", ""), "tonnes": ("tonne", "tonnes"), "barrels": ("barrel", "barrels"),
    "cubic_metres": ("cubic metre", "cubic metres"), "cubic_metres_bn": ("billion cubic metres",
                                                                          "billion cubic metres"),
    "kWh": ("kilowatt-hour", "kilowatt-hours"), "MW": ("megawatt", "megawatts"), "GW": ("gigawatt", "gigawatts"),
    "TEU": ("twenty-foot container (TEU)", "twenty-foot containers (TEU)"), "containers": ("container", "containers"),
    "vehicles": ("vehicle", "vehicles"), "units": ("unit", "units"),
}
_ALL = {**SECTORS, **INDICATORS, **EVENT_TYPES, **STATUSES}


def label(value: str | None) -> str:
    """A sector, indicator, event type or status in words ("oil_gas" -> "Oil and gas"); any other code
    with its underscores as spaces and a capital ("road_transport" -> "Road transport")."""
    if not value:
        return ""
    return _ALL.get(value) or value.replace("_", " ").capitalize()


def unit_words(unit: str | None, value: float | None = None) -> str:
    """A unit after a number, in words: "tonnes" ("tonne" for exactly 1), "cubic metres", "megawatts";
    "" for a count; an unknown unit with its underscores as spaces."""
    if not unit:
        return ""
    one, many = UNITS.get(unit, (unit.replace("_", " "),) * 2)
    return one if value is not None and float(value) == 1 else many

