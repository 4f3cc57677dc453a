"""Realistic free-text feedback from clinical mentoring, seeded with identifiers.

Each entry is (text, identifiers that must not survive scrubbing). The names
known to the vault are :data:`NAMES`; everything else must be caught by its
shape. Invented people, numbers and places only.
"""

from __future__ import annotations

#: Own name, partner's name, and the never-send list of the test vault.
NAMES = ("Dr Priya Raman", "Dr Amara Okafor", "Siobhán O'Neill", "Tom Hughes", "Will Price")

CORPUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Amara was brilliant at helping me prepare for my ARCP on 12 March 2025. "
        "She suggested I email the TPD at j.smith@london.hee.nhs.uk.",
        ("Amara", "12 March 2025", "j.smith@london.hee.nhs.uk", "smith"),
    ),
    (
        "Dr Okafor's advice about the registrar rota was useful; I rang her on 07700 900123 "
        "when things got difficult in clinic.",
        ("Okafor", "07700 900123", "900123"),
    ),
    (
        "We met at the Whittington, N19 5NF, and again online on 2025-03-12 at 14:30.",
        ("N19 5NF", "2025-03-12", "14:30"),
    ),
    (
        "My GMC number is 7123456 - my mentor helped me with the revalidation portfolio "
        "and the appraisal on the 3rd of May.",
        ("7123456", "3rd of May"),
    ),
    (
        "I raised a concern about a patient (NHS number 943 476 5919) and Priya helped me think "
        "through the duty of candour.",
        ("943 476 5919", "9434765919", "Priya", "5919"),
    ),
    (
        "As a nurse (NMC PIN 12A3456E) I found mentoring from a consultant unusual but helpful.",
        ("12A3456E",),
    ),
    (
        "Siobhan and I met 5 times. Her number is +44 20 7946 0018; mine is 020 7946 0991.",
        ("Siobhan", "+44 20 7946 0018", "7946 0018", "020 7946 0991", "0991"),
    ),
    (
        "The scheme should send reminders. See https://forms.example.org/mentoring?id=8812 "
        "and www.example.nhs.uk/mentoring for what our trust does.",
        ("https://forms.example.org", "8812", "www.example.nhs.uk"),
    ),
    (
        "On 3/5 we discussed my return to training after maternity leave. Tom's experience "
        "of LTFT was very relevant. Next meeting March 12th.",
        ("3/5", "Tom", "March 12th"),
    ),
    (
        "o'neill said the deanery's deadline is 31/10/25, so I submitted on Tuesday 28 October.",
        ("o'neill", "31/10/25", "28 October"),
    ),
    (
        "My mentor, Dr. Raman, works at the hospital at SW1A 2AA; her secretary's number "
        "is (020) 7219 3000 ext 4.",
        ("Raman", "SW1A 2AA", "7219 3000"),
    ),
    (
        "Meetings by video were fine. Will Price was my clinical supervisor, not my mentor; "
        "Price's feedback overlapped. I will ask for a different pairing next year.",
        ("Will Price", "Price"),
    ),
    (
        "RAMAN helped me through a GMC referral (ref 1234567/2024). Contact me on "
        "priya.raman@nhs.net or 0161 496 0000.",
        ("RAMAN", "1234567", "priya.raman@nhs.net", "0161 496 0000", "496 0000"),
    ),
    (
        "Started the scheme in September 2024; by 01.02.2025 I had a clear plan for CCT.",
        ("September 2024", "01.02.2025"),
    ),
    (
        "Nothing identifying here: the sessions helped me with confidence and career planning.",
        (),
    ),
)
