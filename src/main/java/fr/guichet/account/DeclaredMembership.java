package fr.guichet.account;

import java.time.Instant;

/** A membership the person declared himself, waiting for a super admin to confirm or refuse it. */
public record DeclaredMembership(MembershipId id, PersonView person, Instant declaredAt) {}
