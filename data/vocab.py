"""The domain's controlled vocabularies, in one place.

OGP's sheet and the project's own files are validated against these lists, the
database stores their codes, and the interface translates the codes.  Values are
kept in the order they rank (worst to best) so figures can use that order.
"""

from __future__ import annotations

# Text OGP's sheet puts where there is no assessment.  It is kept verbatim for
# display and never turned into a number ("ND" = no data, "NR" = not reviewed).
SENTINELS = frozenset(
    {
        "ND",
        "NR",
        "NA",
        "N/A",
        "Not Applicable",
        "No early results to report yet",
        "Pending IRM Review",
        "",
    }
)

# --- IRM assessment, methodology used until 2020 -----------------------------
SPECIFICITY = ("None", "Low", "Medium", "High")
POTENTIAL_IMPACT = ("None", "Minor", "Moderate", "Transformative")
COMPLETION = ("Withdrawn", "Not Started", "Limited", "Substantial", "Complete")
DID_IT_OPEN_GOVERNMENT = ("Worsens", "Did Not Change", "Marginal", "Major", "Outstanding")
CHANGE_IN_COMPLETION = ("Decrease", "No Change", "Increase")

# --- IRM assessment, methodology used from 2021 ------------------------------
VERIFIABLE = ("No", "Yes")
POTENTIAL_FOR_RESULTS = ("Unclear", "Modest", "Substantial")
EARLY_RESULTS = ("No notable results", "Moderate", "Significant")
# End-of-term completion under the 2021 methodology may also be "Unclear".
COMPLETION_END = ("Unclear",) + COMPLETION

YES_NO = ("0", "1")  # flags as the sheet writes them

# OGP's four values: the sheet's column names, in the order OGP lists them.
OGP_VALUES = (
    "access_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
)

IRM_METHODOLOGIES = ("irm_classic", "irm_2021")

# --- Action plans --------------------------------------------------------------
PUBLIC_INFLUENCE = ("Inform", "Consult", "Involve", "Collaborate")

# --- Milestones ---------------------------------------------------------------
MILESTONE_STATUSES = ("not_started", "in_progress", "complete", "cancelled")
# How far reported progress may trail the share of time elapsed before a
# milestone counts as "at risk" (percentage points).  Colombia's tracker shows
# both lines; 25 points is wide enough not to flag ordinary reporting lag.
AT_RISK_MARGIN = 25.0

COMMITMENT_STATUSES = ("active", "inactive")

# --- Forums --------------------------------------------------------------------
FORUM_KINDS = ("national", "sector_pilot", "subnational", "other")
MEMBERSHIP_ROLES = ("titular", "suplente")
MEETING_KINDS = ("ordinary", "extraordinary", "workshop", "public_session")
# OGP's participation and co-creation standards ask forums to meet at least
# every six months.
FORUM_MAX_GAP_DAYS = 180

STAKEHOLDER_TYPES = (
    "national_government",
    "regional_local_government",
    "civil_society_national",
    "civil_society_local",
    "academia",
    "private_sector",
    "international_cooperation",
)
GOVERNMENT_STAKEHOLDERS = frozenset({"national_government", "regional_local_government"})

GENDERS = ("female", "male", "other")

PARTICIPATION_CHANNELS = ("public_consultation", "workshop", "online_comment", "forum_meeting")

SOURCE_KINDS = ("seed", "file", "sample")


def is_sentinel(raw: str | None) -> bool:
    return raw is None or raw.strip() in SENTINELS
