package org.casework.web.assessments;

/** An instrument to pick when starting an assessment: its code and title in the user's language. */
public record InstrumentOption(String code, String title) {}
