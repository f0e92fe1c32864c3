package fr.guichet.account;

/** One membership: what a super admin confirms or refuses, so that his decision reaches this one and no later one. */
public record MembershipId(long value) {}
