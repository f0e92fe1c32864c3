package fr.guichet.account;

/** Validation group of the fields a member must give and an external requester need not. */
public interface MemberOnly {}
