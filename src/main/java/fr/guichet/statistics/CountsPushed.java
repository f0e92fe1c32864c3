package fr.guichet.statistics;

import java.time.Instant;
import java.time.LocalDate;

/** A connected service pushed its counts of a day for an organisation, for the audit trail. */
public record CountsPushed(String clientId, long organizationId, LocalDate date, int counts, Instant at) {}
